using ChatOps.History.Writing;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>Sends lines from a client and returns once the engine has received them and the history has written them.</summary>
internal static class HistoryWait
{
    public static Task SendAndStoreAsync(IServiceProvider services, TcpTestClient client, params string[] lines) =>
        SendAndStoreAsync(services.GetRequiredService<ChatServer>().Rooms[0], () => services.GetRequiredService<HistoryWriter>().FlushAsync(), client, lines);

    public static async Task SendAndStoreAsync(ChatEngine engine, Func<Task> flush, TcpTestClient client, params string[] lines)
    {
        using var events = engine.Events.Subscribe();
        foreach (var line in lines)
            await client.SendLineAsync(line);
        using var cts = new CancellationTokenSource(LineReader.DefaultTimeout);
        await foreach (var e in events.ReadAllAsync(cts.Token))
        {
            if (e is LineReceived r && r.Text == lines[^1])
                break;
        }
        // Everything published so far, the last line included, has been through a write once this completes.
        await flush().WaitAsync(LineReader.DefaultTimeout);
    }
}
