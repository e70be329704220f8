using System.Net;
using ChatOps.Tests.Support;
using ChatOps.Tests.Web;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// Redis down under two running web hosts (their own, since the test kills it): each keeps its dashboard, its sign-in and
/// its own hub events; Redis back, the hosts' events cross again.
/// </summary>
public sealed class ClusterWebOutageTests(ClusterWebHosts hosts) : IClassFixture<ClusterWebHosts>
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_Redis_is_down_host_B_keeps_the_sign_in_made_on_A_and_its_own_hub_events()
    {
        var cookie = (await SignIn.WithPasswordAsync(hosts.A, ChatOpsWebFactory.Password)).GetCookieHeader(hosts.A);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hosts.B, cookie));

        await hosts.Redis.KillAsync();
        await Eventually.HoldsAsync(() => !hosts.LinkB.IsUp, "host B sees Redis down");

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hosts.B, cookie));
        var events = System.Threading.Channels.Channel.CreateUnbounded<HubEvent>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(hosts.B, ChatOpsHub.Path), o => o.Headers["Cookie"] = cookie)
            .Build();
        hub.On<HubEvent[]>(nameof(IChatOpsClient.EngineEvents), batch =>
        {
            foreach (var e in batch)
                events.Writer.TryWrite(e);
        });
        await hub.StartAsync(Ct).WaitAsync(Timeout, Ct);
        // A call is answered once the hub has the connection: SignalR's backplane held it up to Cluster:HangTimeout.
        await hub.InvokeAsync<List<HubRoom>>(nameof(ChatOpsHub.GetRooms), Ct).WaitAsync(Timeout, Ct);
        await using var student = await TcpTestClient.ConnectAsync(hosts.EngineB.LocalEndPoint!);
        var port = student.LocalEndPoint.Port;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(Timeout);
        var e = await events.Reader.ReadAllAsync(cts.Token).FirstAsync(e => e.Type == "ClientConnected" && e.Port == port, cts.Token);
        Assert.Equal("host-b", e.Host);

        // Redis back (restarted empty): host A's events reach hub B again. Pub/sub keeps nothing for a subscriber that is
        // not there yet, so host A's student says a line every 100 ms until hub B has one.
        await hosts.Redis.RestartAsync();
        await using var sender = await TcpTestClient.ConnectAsync(hosts.EngineA.LocalEndPoint!);
        await sender.ReadLineAsync(Timeout);
        using var again = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        again.CancelAfter(Timeout);
        var fromA = events.Reader.ReadAllAsync(again.Token).FirstAsync(e => e.Type == "LineReceived" && e.Host == "host-a", again.Token).AsTask();
        for (var i = 0; !fromA.IsCompleted && i < 100; i++)
        {
            await sender.SendLineAsync($"after the outage {i}");
            await Task.WhenAny(fromA, Task.Delay(100, Ct));
        }
        Assert.StartsWith("after the outage", (await fromA).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hosts.B, cookie));
    }

    private static async Task<HttpStatusCode> StatusAsync(Uri baseAddress, string cookieHeader)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
