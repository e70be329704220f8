namespace ChatOps.TcpEngine.Options;

/// <summary>What a client's <c>arret</c> stops (<c>Chat:ArretScope</c>).</summary>
public enum ArretScope
{
    /// <summary>
    /// The room the client is in: the lab sheet's <c>arret</c> stops "every client and the server", and to a student the
    /// server is the room they connected to. The default, so that one exercise's arret does not end the others'.
    /// </summary>
    Room,

    /// <summary>Every room of the host, as a class-wide ARRET from the dashboard does.</summary>
    Server,
}
