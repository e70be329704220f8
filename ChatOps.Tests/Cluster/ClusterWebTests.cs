using System.Net;
using System.Threading.Channels;
using ChatOps.Tests.Support;
using ChatOps.Tests.Web;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// The web side of a cluster, on two real web hosts and a real Redis: a sign-in made on one host opens the others, a
/// sign-out on one ends it on all, and hub clients of each host get every host's events once, with their host.
/// </summary>
public sealed class ClusterWebTests(ClusterWebHosts hosts) : IClassFixture<ClusterWebHosts>
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_on_host_A_opens_the_dashboard_of_host_B_and_none_opens_it_without()
    {
        var cookie = await SignInOnAAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hosts.B, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(hosts.B, null));
        // A cookie sealed with other keys than the cluster's (as another lab's server would) does not open it either.
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(hosts.B, "chatops.auth=CfDJ8" + new string('A', 300)));
    }

    [Fact]
    public async Task A_sign_out_on_host_B_ends_the_sign_in_on_host_A()
    {
        var cookie = await SignInOnAAsync();
        var cookies = new CookieContainer();
        cookies.SetCookies(hosts.B, cookie.Replace("; ", ",", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hosts.A, cookie));

        using (var signOut = await SignIn.SignOutAsync(hosts.B, cookies))
            Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);

        // Host B wrote the new stamp to Redis before it answered; host A hears of it through a pub/sub message.
        var deadline = DateTime.UtcNow + Timeout;
        while (await StatusAsync(hosts.A, cookie) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(20, Ct);
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(hosts.A, cookie));
        // A new sign-in works on both again.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hosts.B, await SignInOnAAsync()));
    }

    [Fact]
    public async Task Hub_clients_of_both_hosts_get_each_hosts_events_once_with_the_host_they_come_from()
    {
        var cookie = await SignInOnAAsync();
        await using var hubA = await HubAsync(hosts.A, cookie);
        await using var hubB = await HubAsync(hosts.B, cookie);
        await using var sender = await TcpTestClient.ConnectAsync(hosts.EngineA.LocalEndPoint!);
        await sender.ReadLineAsync(Timeout);

        var text = "bonjour de A " + Guid.NewGuid().ToString("N");
        await sender.SendLineAsync(text);
        var onB = await hubB.NextAsync(e => e.Type == "LineReceived" && e.Text == text);
        Assert.Equal("host-a", onB.Host);
        Assert.Equal("127.0.0.1", onB.Ip);
        var onA = await hubA.NextAsync(e => e.Type == "LineReceived" && e.Text == text);
        Assert.Equal("host-a", onA.Host);

        // Host B's event goes out after host A's line went through Redis (hub B has it): Redis's one channel keeps that
        // order to host A, so a second copy of the line (through the backplane) would reach hub A before this event.
        await using var student = await TcpTestClient.ConnectAsync(hosts.EngineB.LocalEndPoint!);
        var port = student.LocalEndPoint.Port;
        var connectedOnA = await hubA.NextAsync(e => e.Type == "ClientConnected" && e.Port == port);
        Assert.Equal("host-b", connectedOnA.Host);
        var connectedOnB = await hubB.NextAsync(e => e.Type == "ClientConnected" && e.Port == port);
        Assert.Equal("host-b", connectedOnB.Host);
        // And the same the other way: an event of host A after hub A had host B's.
        await using var later = await TcpTestClient.ConnectAsync(hosts.EngineA.LocalEndPoint!);
        var laterPort = later.LocalEndPoint.Port;
        await hubB.NextAsync(e => e.Type == "ClientConnected" && e.Port == laterPort);
        await hubA.NextAsync(e => e.Type == "ClientConnected" && e.Port == laterPort);

        Assert.Equal(1, hubA.Count(e => e.Type == "LineReceived" && e.Text == text));
        Assert.Equal(1, hubB.Count(e => e.Type == "LineReceived" && e.Text == text));
        Assert.Equal(1, hubA.Count(e => e.Type == "ClientConnected" && e.Port == port));
        Assert.Equal(1, hubB.Count(e => e.Type == "ClientConnected" && e.Port == port));
    }

    private async Task<string> SignInOnAAsync() =>
        (await SignIn.WithPasswordAsync(hosts.A, ChatOpsWebFactory.Password)).GetCookieHeader(hosts.A);

    private static async Task<HttpStatusCode> StatusAsync(Uri baseAddress, string? cookieHeader)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookieHeader is not null)
            request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<HubEvents> HubAsync(Uri baseAddress, string cookieHeader)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, ChatOpsHub.Path), o => o.Headers["Cookie"] = cookieHeader)
            .Build();
        var events = new HubEvents(connection);
        await connection.StartAsync(Ct).WaitAsync(Timeout, Ct);
        // Answered once the hub and the backplane both have the connection: no event can pass it by after this.
        await connection.InvokeAsync<List<HubRoom>>(nameof(ChatOpsHub.GetRooms), Ct).WaitAsync(Timeout, Ct);
        return events;
    }

    /// <summary>One hub connection's events: all of them kept (to count), and a reader to wait for the next match.</summary>
    private sealed class HubEvents : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly Channel<HubEvent> _stream = Channel.CreateUnbounded<HubEvent>();
        private readonly List<HubEvent> _all = [];

        public HubEvents(HubConnection connection)
        {
            _connection = connection;
            connection.On<HubEvent[]>(nameof(IChatOpsClient.EngineEvents), batch =>
            {
                lock (_all)
                    _all.AddRange(batch);
                foreach (var e in batch)
                    _stream.Writer.TryWrite(e);
            });
        }

        public async Task<HubEvent> NextAsync(Func<HubEvent, bool> match)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            cts.CancelAfter(Timeout);
            await foreach (var e in _stream.Reader.ReadAllAsync(cts.Token))
            {
                if (match(e))
                    return e;
            }
            throw new InvalidOperationException("The hub stream ended.");
        }

        public int Count(Func<HubEvent, bool> match)
        {
            lock (_all)
                return _all.Count(match);
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
