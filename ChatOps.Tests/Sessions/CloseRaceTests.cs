using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Sessions;

/// <summary>The operator (or a stop) closing a client at the very moment that client hangs up must not throw.</summary>
public sealed class CloseRaceTests
{
    [Fact]
    public async Task Kicking_a_client_that_is_hanging_up_never_throws()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        for (var i = 0; i < 300; i++)
        {
            var client = chat.Connect();
            var hangingUp = Task.Run(client.CloseAsync, TestContext.Current.CancellationToken);
            while (!hangingUp.IsCompleted || chat.Engine.ClientCount > 0)
            {
                chat.Engine.Kick(client.Id);
                if (chat.Engine.ClientCount == 0)
                    break;
            }
            await hangingUp;
            await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == client.Id);
        }
        // A session's exception would be logged, not thrown to the caller: none may be.
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task Stopping_while_clients_hang_up_never_throws()
    {
        for (var round = 0; round < 30; round++)
        {
            // Relay: each close announces a leave to everyone, which widens the window in which the two closes meet.
            var chat = await MemoryChat.StartAsync(ChatMode.Relay);
            var clients = Enumerable.Range(0, 50).Select(_ => chat.Connect()).ToList();
            var hangingUp = Task.Run(async () =>
            {
                foreach (var client in clients)
                    await client.CloseAsync();
            }, TestContext.Current.CancellationToken);
            await chat.Engine.StopAsync(StopReason.Shutdown, "host", TestContext.Current.CancellationToken);
            await hangingUp;
            await chat.DisposeAsync();
            Assert.Empty(chat.Problems);
        }
    }
}
