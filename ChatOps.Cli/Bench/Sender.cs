namespace ChatOps.Cli.Bench;

/// <summary>
/// One sending client.
/// Paced (<c>--rate</c> &gt; 0): each line carries the time it was <em>due</em>, and whatever is due goes out in one
/// write. A sender that falls behind (a late timer, a send blocked by a full socket, a GC pause) sends the lines it owes
/// as soon as it can, still stamped with their due times, so the delay counts as latency instead of vanishing from the
/// measurement (coordinated omission). Every line due before the end is sent, however late.
/// As fast as possible (<c>--rate 0</c>): whatever the window allows, stamped when its write starts; that load is
/// closed-loop by design, and the window (not a schedule) sets the pace.
/// </summary>
internal sealed class Sender(int index, ILineWriter connection, FanoutSettings settings, SenderWindow? window, TimeProvider time)
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
            if (settings.Paced)
                await SendPacedAsync(start, measureFrom, end, cancellationToken);
            else
                await SendWindowedAsync(measureFrom, end, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The relay closed or reset this client: the others go on; the report counts it and the missing deliveries.
            Cut = true;
        }
    }

    private async Task SendPacedAsync(long start, long measureFrom, long end, CancellationToken cancellationToken)
    {
        var ticksPerLine = (double)time.TimestampFrequency / settings.Rate;
        // Senders start at random offsets within one interval, as independent clients would.
        var schedule = LineSchedule.Paced(start + (long)(Random.Shared.NextDouble() * ticksPerLine), ticksPerLine, end);
        while (_sent < schedule.Total && !cancellationToken.IsCancellationRequested)
        {
            var now = time.GetTimestamp();
            var count = (int)Math.Min(schedule.DueBy(now) - _sent, FanoutSettings.MaxBatch);
            if (count > 0)
            {
                await SendBatchAsync(count, schedule, measureFrom, cancellationToken);
                continue;
            }
            var next = Math.Max(schedule.DueAt(_sent), now + 1);
            await Task.Delay(time.GetElapsedTime(now, next), time, cancellationToken);
        }
    }

    private async Task SendWindowedAsync(long measureFrom, long end, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && time.GetTimestamp() < end)
        {
            var room = await window!.WaitForRoomAsync(_sent, cancellationToken);
            if (room < 0)
                return; // Nobody is left to acknowledge: the relay closed the clients that did.
            var count = Math.Min(room, FanoutSettings.MaxBatch);
            var now = time.GetTimestamp();
            if (count > 0 && now < end)
                await SendBatchAsync(count, LineSchedule.AllAt(now), measureFrom, cancellationToken);
        }
    }

    public Task SendProbeAsync(CancellationToken cancellationToken)
    {
        var length = Marker.WriteLine(_buffer, Marker.Probe, index, 0, time.GetTimestamp(), settings.LineBytes);
        return connection.SendAsync(_buffer.AsMemory(0, length), cancellationToken).AsTask();
    }

    // A line is measured when it was due inside the measured period, whenever it is actually written.
    private async ValueTask SendBatchAsync(int count, LineSchedule schedule, long measureFrom, CancellationToken cancellationToken)
    {
        var length = 0;
        var measured = 0;
        for (var i = 0; i < count; i++)
        {
            var line = _sent + i;
            var due = schedule.DueAt(line);
            var phase = due >= measureFrom ? Marker.Measured : Marker.Warmup;
            measured += phase == Marker.Measured ? 1 : 0;
            length += Marker.WriteLine(_buffer.AsSpan(length), phase, index, line, due, settings.LineBytes);
        }
        await connection.SendAsync(_buffer.AsMemory(0, length), cancellationToken);
        Volatile.Write(ref _sent, _sent + count);
        Volatile.Write(ref _measured, _measured + measured);
    }
}
