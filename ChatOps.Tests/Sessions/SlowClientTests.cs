using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Sessions;

public sealed class SlowClientTests
{
    [Fact]
    public async Task A_client_that_never_reads_is_disconnected_as_too_slow_while_the_others_get_every_line()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay, o =>
        {
            o.MaxQueuedBytes = 4096;
            o.StalledReaderTimeout = TimeSpan.FromMilliseconds(200);
        });
        var reader = chat.Connect();
        await reader.ReadLineAsync();
        var stuck = chat.Connect(clientBufferBytes: 512);
        await reader.ReadLineAsync();

        var text = new string('z', 100);
        for (var i = 0; i < 200; i++)
        {
            chat.Engine.Broadcast($"{i} {text}");
            Assert.Equal($"[server] {i} {text}", await reader.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)));
        }
        var gone = await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == stuck.Id);
        Assert.Equal(DisconnectReason.TooSlow, gone.Reason);
        Assert.True(stuck.Connection.IsAborted);
        Assert.Equal(1, chat.Engine.ClientCount);
    }
}
