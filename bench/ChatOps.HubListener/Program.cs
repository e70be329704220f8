using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// Follows every event of a ChatOps web host's hub (/hubs/chatops), as a projector view or a script would, and prints how
// many it received each 5 s. Loopback only; ends on Ctrl+C / SIGTERM or after --seconds (default 900).
if (args.Length < 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var hub) || !hub.IsLoopback)
{
    await Console.Error.WriteLineAsync("usage: ChatOps.HubListener http://127.0.0.1:PORT/hubs/chatops [seconds]");
    return 2;
}
var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 900;
long received = 0;
await using var connection = new HubConnectionBuilder().WithUrl(hub).Build();
connection.On<JsonElement>("EngineEvent", _ => Interlocked.Increment(ref received));
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
// The host may still be starting: retry for up to 10 s.
for (var attempt = 1; ; attempt++)
{
    try
    {
        await connection.StartAsync(stop.Token);
        break;
    }
    catch (HttpRequestException) when (attempt < 20)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500), stop.Token);
    }
}
Console.WriteLine($"hub listener: connected to {hub}");
using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
try
{
    while (await timer.WaitForNextTickAsync(stop.Token))
        Console.WriteLine($"hub listener: {Interlocked.Read(ref received)} events");
}
catch (OperationCanceledException)
{
    // The run is over.
}
Console.WriteLine($"hub listener: {Interlocked.Read(ref received)} events in total");
return 0;
