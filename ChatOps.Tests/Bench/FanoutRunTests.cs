using System.Net;
using ChatOps.Cli.Bench;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Bench;

/// <summary>The load generator against real relays on a loopback port.</summary>
public sealed class FanoutRunTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(50, "witness")]
    [InlineData(0, "slowest")]
    public async Task Every_line_reaches_every_other_client_of_a_chatops_relay(int rate, string ack)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = await StartEngineAsync(ct);

        var report = await FanoutRun.RunAsync(Settings(engine.LocalEndPoint!.Port, rate, ack == "slowest" ? WindowAck.Slowest : WindowAck.Witness),
            new ProgressLine(TextWriter.Null, quiet: true), ct).WaitAsync(Bound, ct);

        Assert.Null(report.Error);
        Assert.Equal(rate == 0 ? ack : null, report.WindowAck);
        Assert.True(report.SentLines > 0);
        Assert.Equal(report.SentLines * 3, report.ExpectedDeliveries);
        Assert.Equal(report.ExpectedDeliveries, report.ReceivedDeliveries);
        Assert.Equal(0, report.ClosedByServer);
    }

    // Senders paced by a witness outrun readers slower than it: flow control pauses them instead of cutting the readers.
    [Fact]
    public async Task With_a_witness_at_full_speed_flow_control_loses_nothing_and_cuts_nobody()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = await StartEngineAsync(ct);

        var report = await FanoutRun.RunAsync(Settings(engine.LocalEndPoint!.Port, 0, WindowAck.Witness), new ProgressLine(TextWriter.Null, quiet: true), ct)
            .WaitAsync(Bound, ct);

        Assert.Null(report.Error);
        Assert.Equal("witness", report.WindowAck);
        Assert.True(report.SentLines > 0);
        Assert.Equal(0, report.ClosedByServer);
        Assert.Equal(0, report.LostDeliveries);
        Assert.Equal(report.ExpectedDeliveries, report.ReceivedDeliveries);
    }

    [Fact]
    public async Task A_connection_the_relay_closes_is_counted_and_its_missing_lines_are_loss()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var relay = new ClosingRelay(closeAfter: 100);

        var report = await FanoutRun.RunAsync(Settings(relay.EndPoint.Port, 50, WindowAck.Witness), new ProgressLine(TextWriter.Null, quiet: true), ct)
            .WaitAsync(Bound, ct);

        Assert.Null(report.Error);
        Assert.Equal(1, report.ClosedByServer);
        Assert.Equal(1, report.ClientsCutByServer);
        Assert.True(report.LostDeliveries > 0);
    }

    private static async Task<ChatEngine> StartEngineAsync(CancellationToken ct)
    {
        var options = new ChatOptions
        {
            Port = 0,
            BindAddress = "127.0.0.1",
            MaxLinesPerSecond = 1_000_000,
            LineBurst = 1_000_000,
            FloodDisconnectAfter = 1_000_000,
        };
        var engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(options));
        await engine.StartAsync(ct);
        return engine;
    }

    private static FanoutSettings Settings(int port, int rate, WindowAck ack) =>
        new([new IPEndPoint(IPAddress.Loopback, port)], Clients: 4, Senders: 4, Rate: rate, Duration: TimeSpan.FromSeconds(1),
            Warmup: TimeSpan.FromMilliseconds(200), Window: 16, LineBytes: 64, SlowReaders: 0, ServerPids: [],
            ConnectTimeout: TimeSpan.FromSeconds(10), ConnectParallel: 0, WindowAck: ack);
}
