using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using Microsoft.Extensions.Options;

namespace ChatOps.Tests.Engine;

public sealed class ConnectionAdmissionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_refused_address_gets_the_notice_and_is_closed_while_others_are_served()
    {
        var admission = new RefuseOnce();
        await using var engine = new ChatEngine(Options.Create(new ChatOptions { Port = 0, BindAddress = "127.0.0.1", Language = ChatLanguage.En }), admission: admission);
        using var events = engine.Events.Subscribe();
        await engine.StartAsync(TestContext.Current.CancellationToken);

        using var refused = new TcpClient();
        await refused.ConnectAsync(IPAddress.Loopback, engine.LocalEndPoint!.Port, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(refused.GetStream());
        Assert.Equal("* no entry for you", await reader.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken));
        Assert.Null(await reader.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken));

        using var admitted = new TcpClient();
        await admitted.ConnectAsync(IPAddress.Loopback, engine.LocalEndPoint!.Port, TestContext.Current.CancellationToken);
        using var welcome = new StreamReader(admitted.GetStream());
        var first = await welcome.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.StartsWith("* connected to ChatOps", first, StringComparison.Ordinal);

        var violation = await FirstAsync<ProtocolViolation>(events);
        Assert.Equal(ViolationKind.Refused, violation.Kind);
        Assert.Equal("127.0.0.1", violation.Ip);
        Assert.Equal(2, admission.Calls);
    }

    private static async Task<T> FirstAsync<T>(EventSubscription events)
        where T : ChatEvent
    {
        await foreach (var e in events.ReadAllAsync(TestContext.Current.CancellationToken).WithCancellation(TestContext.Current.CancellationToken))
        {
            if (e is T found)
                return found;
        }
        throw new InvalidOperationException($"no {typeof(T).Name} before the feed ended");
    }

    private sealed class RefuseOnce : IConnectionAdmission
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string? Refuse(IPAddress address, Notices notices) =>
            Interlocked.Increment(ref _calls) == 1 && address.Equals(IPAddress.Loopback) ? "* no entry for you" : null;
    }
}
