namespace ChatOps.TcpEngine.Protocol;

/// <summary>
/// The notices in French. Plain ASCII spaces before <c>:</c> and <c>;</c> (a narrow no-break space is not in
/// Windows-1252), and only accents that Windows-1252 has, so every client's encoding can carry every notice.
/// </summary>
internal sealed class FrenchNotices : Notices
{
    public override string Goodbye(string ip) => N($"au revoir {ip}");
    public override string Arret(string by) => N($"arret : le serveur s'arrête (demandé par {by})");
    public override string ArretRefused() => N($"arret n'est pas permis sur ce serveur");
    public override string Joined(string ip) => N($"{ip} est arrivé");
    public override string Left(string ip) => N($"{ip} est parti");
    public override string Welcome(ChatMode mode, int others) => N($"connecté à ChatOps (mode {ModeName(mode)}), {others} autre(s) client(s) ici ; tapez bye pour partir");
    public override string Waiting(int position) => N($"le serveur sert un autre client ; vous êtes numéro {position} dans la file");
    public override string YourTurn() => N($"à vous : le serveur vous parle maintenant");
    public override string LineTooLong(int max) => N($"ligne ignorée : plus de {max} octets");
    public override string MessageTooLong(int max) => N($"message ignoré : plus de {max} octets sans fin de ligne ni pause");
    public override string InputClosed() => N($"vous avez fermé votre côté envoi : vous recevez le chat jusqu'à la fermeture");
    public override string KeepsReconnecting(string ip) => N($"{ip} se reconnecte sans cesse : ses arrivées et départs ne sont plus annoncés pendant une minute");
    public override string SlowDown(int perSecond) => N($"doucement : plus de {perSecond} lignes par seconde, les lignes en trop sont ignorées");
    public override string Flooding() => N($"déconnecté : trop de lignes, trop vite");
    public override string Kicked(string? reason) => string.IsNullOrWhiteSpace(reason) ? N($"déconnecté par l'enseignant") : N($"déconnecté par l'enseignant : {reason}");
    public override string ServerFull(int max) => N($"serveur plein ({max} clients) ; réessayez plus tard");
    public override string TooManyFromIp(string ip, int max) => N($"trop de connexions depuis {ip} (au plus {max})");
    public override string ShuttingDown() => N($"le serveur s'arrête");
    public override string ModeChanged(ChatMode mode) => N($"le serveur redémarre en mode {ModeName(mode)} ; reconnectez-vous");
    public override string HeldFull(int max) => N($"ligne ignorée : attendez votre tour ({max} lignes attendent déjà)");
    public override string Banned(string ip, DateTimeOffset? until) => until is { } u
        ? N($"{ip} est banni de ce serveur jusqu'au {u.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
        : N($"{ip} est banni de ce serveur");
    public override string Idle(TimeSpan after) => N($"déconnecté : aucune ligne depuis {Duration(after)}");
    public override string ReplacedWhileIdle() => N($"déconnecté : le serveur est plein et vous étiez le plus longtemps sans écrire ; reconnectez-vous");
    public override string LineTimedOut(TimeSpan after) => N($"déconnecté : une ligne n'a pas été terminée en {Duration(after)}");
}
