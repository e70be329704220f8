using System.Diagnostics;

namespace ChatOps.Cli.Bench;

/// <summary>
/// One sending client. Paced: lines are due at <c>start + n / rate</c> and whatever is due goes out in one write, so a
/// coarse timer costs batching, never rate. As fast as possible: whatever the window allows, in one write.
/// Each line is stamped when its write starts; latency is measured from that stamp.
/// </summary>
internal sealed class Sender(int index, BenchConnection connection, FanoutSettings settings, SenderWindow? window)
{
    private readonly byte[] _buffer = new byte[FanoutSettings.MaxBatch * settings.LineBytes];
    private long _sent;
    private long _measured;

    public long Sent => Volatile.Read(ref _sent);

    public long Measured => Volatile.Read(ref _measured);

    /// <summary>True when the relay closed this sender's connection while it was sending (e.g. it cut it as too slow).</summary>
    public bool Cut { get; private set; }

    public async Task RunAsync(long start, long measureFrom, long end, CancellationToken cancellationToken)
    {
        try
        {
            await SendUntilAsync(start, measureFrom, end, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The relay closed or reset this client: the others go on; the report counts it and the missing deliveries.
            Cut = true;
        }
    }

    private async Task SendUntilAsync(long start, long measureFrom, long end, CancellationToken cancellationToken)
    {
        var ticksPerLine = settings.Paced ? (double)Stopwatch.Frequency / settings.Rate : 0;
        // Senders start at random offsets within one interval, as independent clients would.
        var origin = start + (long)(Random.Shared.NextDouble() * ticksPerLine);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
                return;
            int count;
            if (settings.Paced)
            {
                var due = (long)((now - origin) / ticksPerLine) + 1;
                count = (int)Math.Min(due - _sent, FanoutSettings.MaxBatch);
                if (count <= 0)
                {
                    var nextDue = origin + (long)(_sent * ticksPerLine);
                    await Task.Delay(Stopwatch.GetElapsedTime(now, Math.Max(nextDue, now + 1)), cancellationToken);
                    continue;
                }
            }
            else
            {
                count = Math.Min(await window!.WaitForRoomAsync(_sent, cancellationToken), FanoutSettings.MaxBatch);
                if (count <= 0)
                    continue;
                now = Stopwatch.GetTimestamp();
                if (now >= end)
                    return;
            }
            await SendBatchAsync(count, now, now >= measureFrom, cancellationToken);
        }
    }

    public Task SendProbeAsync(CancellationToken cancellationToken)
    {
        var length = Marker.WriteLine(_buffer, Marker.Probe, index, 0, Stopwatch.GetTimestamp(), settings.LineBytes);
        return connection.SendAsync(_buffer.AsMemory(0, length), cancellationToken).AsTask();
    }

    private async ValueTask SendBatchAsync(int count, long now, bool measured, CancellationToken cancellationToken)
    {
        var phase = measured ? Marker.Measured : Marker.Warmup;
        var length = 0;
        for (var i = 0; i < count; i++)
            length += Marker.WriteLine(_buffer.AsSpan(length), phase, index, _sent + i, now, settings.LineBytes);
        await connection.SendAsync(_buffer.AsMemory(0, length), cancellationToken);
        Volatile.Write(ref _sent, _sent + count);
        if (measured)
            Volatile.Write(ref _measured, _measured + count);
    }
}
