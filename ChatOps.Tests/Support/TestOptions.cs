using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Support;

internal static class TestOptions
{
    /// <summary>Loopback, a free port, and the documented defaults otherwise; a short close timeout keeps tests quick.</summary>
    public static ChatOptions For(ChatMode mode, Action<ChatOptions>? configure = null)
    {
        var options = new ChatOptions
        {
            Port = 0,
            BindAddress = "127.0.0.1",
            Mode = mode,
            CloseTimeout = TimeSpan.FromSeconds(1),
            // Engine tests read the welcome before their client speaks; the wait for a UTF-16 or writeUTF client's
            // first bytes is tested with real programs (StudentPrograms) against the default.
            FirstLinesWait = TimeSpan.Zero,
            // These tests read the English notices; the French ones (the default) have their own (FrenchNoticesTests).
            Language = ChatLanguage.En,
        };
        configure?.Invoke(options);
        return options;
    }
}
