using System.Globalization;
using ChatOps.TcpEngine.Options;

namespace ChatOps.TcpEngine.Protocol;

/// <summary>
/// Every line the server itself writes to clients, in one language (<see cref="ChatOptions.Language"/>). Notices start
/// with <c>"* "</c> so any client can tell them from chat. The protocol words <c>bye</c> and <c>arret</c> and the mode
/// names stay as they are in every language: students type them.
/// </summary>
/// <remarks>
/// One small class per language rather than resource files: the compiler then checks that every notice exists in every
/// language with the same arguments (a missing French text cannot fall back to English at run time), and the engine
/// loads no satellite assembly and needs no culture data (it stays free of ASP.NET and of ICU).
/// </remarks>
public abstract class Notices
{
    public const string Prefix = "* ";

    /// <summary>The sender's name of the operator's lines, <c>[server] …</c>: a tag students' programs may parse, so not translated.</summary>
    public static string ServerName => "server";

    public static Notices English { get; } = new EnglishNotices();

    public static Notices French { get; } = new FrenchNotices();

    public static Notices For(ChatLanguage language) => language == ChatLanguage.En ? English : French;

    private protected static string N(FormattableString text) => Prefix + text.ToString(CultureInfo.InvariantCulture);

    private protected static string ModeName(ChatMode mode) => mode.ToString().ToLowerInvariant();

    public abstract string Goodbye(string ip);
    public abstract string Arret(string by);
    public abstract string ArretRefused();
    public abstract string Joined(string ip);
    public abstract string Left(string ip);
    public abstract string Welcome(ChatMode mode, int others);
    public abstract string Waiting(int position);
    public abstract string YourTurn();
    public abstract string LineTooLong(int max);
    public abstract string MessageTooLong(int max);
    public abstract string InputClosed();
    public abstract string KeepsReconnecting(string ip);
    public abstract string SlowDown(int perSecond);
    public abstract string Flooding();
    public abstract string Kicked(string? reason);
    public abstract string ServerFull(int max);
    public abstract string TooManyFromIp(string ip, int max);
    public abstract string ShuttingDown();
    public abstract string ModeChanged(ChatMode mode);
    public abstract string HeldFull(int max);
    public abstract string Banned(string ip, DateTimeOffset? until);
    public abstract string Idle(TimeSpan after);
    public abstract string ReplacedWhileIdle();
    public abstract string LineTimedOut(TimeSpan after);

    /// <summary>A duration as the idle notices give it: whole minutes, or seconds below one.</summary>
    private protected static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalSeconds} s";
}
