using ChatOps.Cli.Bench;
using HdrHistogram;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Bench;

/// <summary>Senders on a fake clock and an in-memory wire: what each line is stamped with, and what holds a sender back.</summary>
public sealed class SenderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_stalled_paced_sender_reports_the_latency_from_when_each_line_was_due()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider();
        var reader = new Receiver(1, [], time);
        var wire = new StallingWriter(reader);
        var sender = new Sender(0, wire, BenchTestSettings.Of(1000, TimeSpan.Zero, TimeSpan.FromSeconds(1)), null, time);
        // Started one interval ago, so that its first line is due now whatever its random offset: no timer is involved.
        var start = time.GetTimestamp() - (time.TimestampFrequency / 1000);
        var run = Task.Run(() => sender.RunAsync(start, start, start + time.TimestampFrequency, ct), ct);

        // Its first write stalls for 1.3 s (a full socket): by then, every line of the second is due.
        await wire.Stalled.WaitAsync(Bound, ct);
        time.Advance(TimeSpan.FromMilliseconds(1300));
        wire.Release();
        await run.WaitAsync(Bound, ct);

        // Every line due in the second went out, each stamped when it was due: line n (due about n ms after the start)
        // waited about 1300 - n ms. Stamped when written, all but the first would show 0 ms.
        Assert.Equal(1000, sender.Measured);
        Assert.Equal(1000, reader.Measured);
        Assert.InRange(reader.Latency.GetValueAtPercentile(0.1), 300_000, 303_000);
        Assert.InRange(reader.Latency.GetValueAtPercentile(50), 798_000, 803_000);
        Assert.InRange(reader.Latency.GetMaxValue(), 1_299_000, 1_302_000);
    }

    [Fact]
    public async Task Lines_due_in_the_warm_up_are_not_measured_even_when_sent_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider();
        var reader = new Receiver(1, [], time);
        var wire = new StallingWriter(reader);
        var sender = new Sender(0, wire, BenchTestSettings.Of(1000, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)), null, time);
        var start = time.GetTimestamp() - (time.TimestampFrequency / 1000);
        var run = Task.Run(() => sender.RunAsync(start, start + (time.TimestampFrequency / 2), start + time.TimestampFrequency, ct), ct);

        await wire.Stalled.WaitAsync(Bound, ct);
        time.Advance(TimeSpan.FromMilliseconds(1300));
        wire.Release();
        await run.WaitAsync(Bound, ct);

        Assert.Equal(1000, sender.Sent);
        Assert.Equal(500, sender.Measured);
        Assert.Equal(500, reader.Measured);
        Assert.Equal(1000, reader.AllTokens);
    }

    [Fact]
    public async Task With_a_witness_a_sender_moves_on_once_the_witness_has_read_though_another_reader_has_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider();
        using var window = new SenderWindow(4, sender: 0, clients: 3, WindowAck.Witness);
        var wire = new DeliveringWriter(null);
        var sender = new Sender(0, wire, BenchTestSettings.Of(0, TimeSpan.Zero, TimeSpan.FromSeconds(1)), window, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var start = time.GetTimestamp();
        var run = sender.RunAsync(start, start, start + time.TimestampFrequency, stop.Token);

        await wire.WhenSentAsync(4).WaitAsync(Bound, ct);
        Assert.Equal(4, wire.Lines); // The window is full: nothing more until an acknowledgement.
        window.Ack(receiver: 2, sequence: 3); // Client 2, the witness, read lines 0..3; client 1 read nothing.
        await wire.WhenSentAsync(8).WaitAsync(Bound, ct);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound, ct));
        Assert.Equal(8, wire.Lines);
    }

    [Fact]
    public async Task A_sender_whose_acknowledging_clients_were_all_closed_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider();
        using var window = new SenderWindow(4, sender: 0, clients: 3, WindowAck.Witness);
        var wire = new DeliveringWriter(null);
        var sender = new Sender(0, wire, BenchTestSettings.Of(0, TimeSpan.Zero, TimeSpan.FromSeconds(1)), window, time);
        var start = time.GetTimestamp();
        var run = sender.RunAsync(start, start, start + time.TimestampFrequency, ct);
        await wire.WhenSentAsync(4).WaitAsync(Bound, ct);

        window.ReceiverClosed(2);

        await run.WaitAsync(Bound, ct);
        Assert.Equal(4, sender.Sent);
    }
}
