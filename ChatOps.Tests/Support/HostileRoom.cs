using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Support;

/// <summary>
/// A relay room over real sockets with two well-behaved students, A and B, for the hostile-input suite: whatever the
/// offender does, A and B must keep talking and newcomers must still get in.
/// </summary>
internal sealed class HostileRoom : IAsyncDisposable
{
    private int _pings;

    private HostileRoom(TcpChat chat, TcpTestClient a, TcpTestClient b)
    {
        Chat = chat;
        A = a;
        B = b;
    }

    public TcpChat Chat { get; }

    public TcpTestClient A { get; }

    public TcpTestClient B { get; }

    public static async Task<HostileRoom> StartAsync(Action<ChatOptions>? configure = null)
    {
        var chat = await TcpChat.StartAsync(ChatMode.Relay, configure);
        return new HostileRoom(chat, await chat.ConnectJoinedAsync(), await chat.ConnectJoinedAsync());
    }

    /// <summary>A joined client whose welcome line is already read.</summary>
    public async Task<TcpTestClient> OffenderAsync()
    {
        var offender = await Chat.ConnectJoinedAsync();
        Assert.StartsWith("* connected", await offender.ReadLineAsync(), StringComparison.Ordinal);
        return offender;
    }

    /// <summary>A and B exchange a line each way (each within the read timeout) and a newcomer is welcomed.</summary>
    public async Task AssertOthersStillTalkAsync()
    {
        Assert.True(Chat.Engine.IsRunning);
        var n = Interlocked.Increment(ref _pings);
        await A.SendLineAsync($"ping {n} from a");
        Assert.Equal($"[127.0.0.1] ping {n} from a", await B.ReadUntilAsync(l => l.EndsWith($"ping {n} from a", StringComparison.Ordinal)));
        await B.SendLineAsync($"pong {n} from b");
        Assert.Equal($"[127.0.0.1] pong {n} from b", await A.ReadUntilAsync(l => l.EndsWith($"pong {n} from b", StringComparison.Ordinal)));
        await using var newcomer = await TcpTestClient.ConnectAsync(Chat.EndPoint);
        Assert.StartsWith("* connected", await newcomer.ReadLineAsync(), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => Chat.DisposeAsync();
}
