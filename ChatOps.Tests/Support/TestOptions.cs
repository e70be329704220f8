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
        };
        configure?.Invoke(options);
        return options;
    }
}
