using System.Diagnostics;

namespace ChatOps.Cli.Bench;

/// <summary>
/// <c>bench fanout</c>: connect every client at once, check the relay reaches everyone (a probe line), send through
/// warm-up and measurement, wait (bounded) for the last deliveries, then report.
/// </summary>
internal static class FanoutRun
{
    private const int ReceiveBufferBytes = 64 * 1024;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainIdle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainMax = TimeSpan.FromSeconds(10);

    public static async Task<FanoutReport> RunAsync(FanoutSettings s, ProgressLine progress, CancellationToken cancellationToken)
    {
        var connect = await Connector.ConnectAsync(s.Servers, s.Clients, s.ConnectParallel > 0 ? s.ConnectParallel : s.Clients, s.ConnectTimeout, cancellationToken);
        var slow = await Connector.ConnectAsync(s.Servers, s.SlowReaders, Math.Max(1, s.SlowReaders), s.ConnectTimeout, cancellationToken);
        var clients = connect.Connections;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var time = TimeProvider.System;
        var windows = s.Paced ? [] : Enumerable.Range(0, s.Senders).Select(i => new SenderWindow(s.Window, i, s.Clients, s.WindowAck)).ToArray();
        var receivers = new Receiver[clients.Count];
        for (var j = 0; j < clients.Count; j++)
            receivers[j] = new Receiver(j, windows, time, s.Senders);
        var receiving = Task.WhenAll(clients.Select((c, j) => c.ReceiveAsync(receivers[j], ReceiveBufferBytes, stop.Token)));
        var senders = clients.Take(s.Senders).Select((c, i) => new Sender(i, c, s, windows.Length > 0 ? windows[i] : null, time)).ToArray();
        try
        {
            if (connect.Failed > 0 || slow.Failed > 0)
                return Failed(s, connect, $"{connect.Failed + slow.Failed} connections failed: {connect.FirstError ?? slow.FirstError}");
            if (!await ProbeAsync(senders[0], receivers, progress, stop.Token))
                return Failed(s, connect, "the probe line did not reach every client within 10 s (is it a relay?)");
            var cpu = await MeasureAsync(s, senders, receivers, time, progress, stop.Token);
            // The histograms are read once their receive loops are over.
            await stop.CancelAsync();
            await receiving;
            return Report.Fanout(s, connect, slow, senders, receivers, cpu.From, cpu.To);
        }
        finally
        {
            progress.Done();
            await stop.CancelAsync();
            foreach (var c in clients.Concat(slow.Connections))
                c.Dispose();
            await receiving;
            foreach (var w in windows)
                w.Dispose();
        }
    }

    // Sends through warm-up and measurement, then waits for the last deliveries; returns the CPU times over the measurement.
    private static async Task<(CpuTimes From, CpuTimes To)> MeasureAsync(FanoutSettings s, Sender[] senders, Receiver[] receivers, TimeProvider time, ProgressLine progress, CancellationToken cancellationToken)
    {
        // The senders' and receivers' clock: the marks below are in its ticks.
        var freq = time.TimestampFrequency;
        var start = time.GetTimestamp();
        var measureFrom = start + (long)(s.Warmup.TotalSeconds * freq);
        var end = measureFrom + (long)(s.Duration.TotalSeconds * freq);
        var sending = Task.WhenAll(senders.Select(x => Task.Run(() => x.RunAsync(start, measureFrom, end, cancellationToken), cancellationToken)));

        var cpuFrom = await WatchAsync(sending, measureFrom, s, senders, receivers, progress, cancellationToken);
        var cpuTo = CpuTimes.Now(s.ServerPids);
        await sending;

        var expected = senders.Sum(x => x.Measured) * (receivers.Length - 1);
        await DrainAsync(expected, receivers, progress, cancellationToken);
        return (cpuFrom, cpuTo);
    }

    // Prints progress every second until sending ends; returns the CPU times read when measurement began.
    private static async Task<CpuTimes> WatchAsync(Task sending, long measureFrom, FanoutSettings s, Sender[] senders, Receiver[] receivers, ProgressLine progress, CancellationToken cancellationToken)
    {
        CpuTimes? cpuFrom = null;
        var lastSent = 0L;
        var lastReceived = 0L;
        var started = Stopwatch.GetTimestamp();
        while (!sending.IsCompleted)
        {
            var wait = cpuFrom is null ? Math.Min(1000, Math.Max(1, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom).TotalMilliseconds)) : 1000;
            await Task.WhenAny(sending, Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken));
            if (cpuFrom is null && Stopwatch.GetTimestamp() >= measureFrom)
                cpuFrom = CpuTimes.Now(s.ServerPids);
            var sent = senders.Sum(x => x.Sent);
            var received = receivers.Sum(r => r.AllTokens);
            var phase = Stopwatch.GetTimestamp() < measureFrom ? "warm-up" : "measure";
            progress.Update($"fanout {Stopwatch.GetElapsedTime(started).TotalSeconds,5:0.0}s {phase}: sent {sent - lastSent,8}/s, received {received - lastReceived,10}/s");
            (lastSent, lastReceived) = (sent, received);
        }
        return cpuFrom ?? CpuTimes.Now(s.ServerPids);
    }

    private static async Task DrainAsync(long expected, Receiver[] receivers, ProgressLine progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var lastProgress = started;
        var last = -1L;
        while (Stopwatch.GetElapsedTime(started) < DrainMax && Stopwatch.GetElapsedTime(lastProgress) < DrainIdle)
        {
            var received = receivers.Sum(r => r.Measured);
            if (received >= expected)
                return;
            if (received != last)
                (last, lastProgress) = (received, Stopwatch.GetTimestamp());
            progress.Update($"draining: {received}/{expected} deliveries");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static async Task<bool> ProbeAsync(Sender prober, Receiver[] receivers, ProgressLine progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < ProbeTimeout)
        {
            await prober.SendProbeAsync(cancellationToken);
            for (var poll = 0; poll < 25; poll++)
            {
                var missing = receivers.Skip(1).Count(r => !r.SawProbe);
                if (missing == 0)
                    return true;
                progress.Update($"probe: {missing} clients not reached yet");
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
        return false;
    }

    private static FanoutReport Failed(FanoutSettings s, ConnectResult connect, string error) =>
        Report.Fanout(s, connect, new ConnectResult([], 0, null), [], [], default, default) with { Error = error };
}
