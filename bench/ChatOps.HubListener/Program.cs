using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

// Follows every event of a ChatOps web host's hub (/hubs/chatops), as a projector view or a script would, and prints how
// many it received each 5 s, and in how many messages (the hub sends events in batches). Loopback only; ends on Ctrl+C /
// SIGTERM or after --seconds (default 900).
if (args.Length < 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var hub) || !hub.IsLoopback)
{
    await Console.Error.WriteLineAsync("usage: ChatOps.HubListener http://127.0.0.1:PORT/hubs/chatops [seconds]   (password in CHATOPS_PASSWORD)");
    return 2;
}
var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 900;
long received = 0;
long messages = 0;
// The hub is the teacher's: sign in through the sign-in form first, as a browser would, and keep the cookie.
var cookies = new CookieContainer();
await SignInAsync(new Uri(hub, "/"), Environment.GetEnvironmentVariable("CHATOPS_PASSWORD") ?? "", cookies);
// MessagePack, as a client that follows every event of a busy lab should (the host also speaks JSON).
await using var connection = new HubConnectionBuilder().WithUrl(hub, o => o.Cookies = cookies).AddMessagePackProtocol().Build();
// Events come in batches (one array per message): count the events, not the messages.
connection.On<ChatOps.HubListener.ListenedEvent[]>("EngineEvents", batch =>
{
    Interlocked.Add(ref received, batch.Length);
    Interlocked.Increment(ref messages);
});
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
        Console.WriteLine($"hub listener: {Interlocked.Read(ref received)} events in {Interlocked.Read(ref messages)} messages");
}
catch (OperationCanceledException)
{
    // The run is over.
}
Console.WriteLine($"hub listener: {Interlocked.Read(ref received)} events in {Interlocked.Read(ref messages)} messages in total");
return 0;

static async Task SignInAsync(Uri site, string password, CookieContainer cookies)
{
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site };
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            var page = await http.GetStringAsync(new Uri("/signin", UriKind.Relative));
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["password"] = password,
            });
            using var response = await http.PostAsync(new Uri("/auth/signin", UriKind.Relative), form);
            if (response.Headers.Location?.OriginalString != "/")
                throw new InvalidOperationException("hub listener: sign-in refused (set CHATOPS_PASSWORD to the host's Admin:Password)");
            return;
        }
        catch (HttpRequestException) when (attempt < 20)
        {
            // The host may still be starting.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
