using System.Net;
using ChatOps.Cli.Bench;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Bench;

/// <summary>The load generator against a real engine on a loopback port: every measured line reaches every other client.</summary>
public sealed class FanoutRunTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(0)]
    public async Task Every_line_reaches_every_other_client_of_a_chatops_relay(int rate)
    {
        var options = new ChatOptions
        {
            Port = 0,
            BindAddress = "127.0.0.1",
            MaxLinesPerSecond = 1_000_000,
            LineBurst = 1_000_000,
            FloodDisconnectAfter = 1_000_000,
            MaxQueuedLines = 4096,
        };
        await using var engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(options));
        await engine.StartAsync(Xunit.TestContext.Current.CancellationToken);
        var settings = new FanoutSettings(new IPEndPoint(IPAddress.Loopback, engine.LocalEndPoint!.Port), Clients: 4, Senders: 4,
            Rate: rate, Duration: TimeSpan.FromSeconds(1), Warmup: TimeSpan.FromMilliseconds(200), Window: 16, LineBytes: 64,
            SlowReaders: 0, ServerPid: null, ConnectTimeout: TimeSpan.FromSeconds(10), ConnectParallel: 0);

        var report = await FanoutRun.RunAsync(settings, new ProgressLine(TextWriter.Null, quiet: true), Xunit.TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), Xunit.TestContext.Current.CancellationToken);

        Assert.Null(report.Error);
        Assert.True(report.SentLines > 0);
        Assert.Equal(report.SentLines * 3, report.ExpectedDeliveries);
        Assert.Equal(report.ExpectedDeliveries, report.ReceivedDeliveries);
        Assert.Equal(0, report.ClientsCutByServer);
    }
}
