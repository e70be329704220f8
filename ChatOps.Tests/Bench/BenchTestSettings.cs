using System.Net;
using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

/// <summary>Settings for in-memory sender tests: nothing connects, so the endpoint is never used.</summary>
internal static class BenchTestSettings
{
    public static FanoutSettings Of(int rate, TimeSpan warmup, TimeSpan duration, int window = 64, WindowAck ack = WindowAck.Witness) =>
        new([new IPEndPoint(IPAddress.Loopback, 7070)], Clients: 3, Senders: 1, Rate: rate, Duration: duration, Warmup: warmup,
            Window: window, LineBytes: 64, SlowReaders: 0, ServerPids: [], ConnectTimeout: TimeSpan.FromSeconds(1), ConnectParallel: 0, WindowAck: ack);
}
