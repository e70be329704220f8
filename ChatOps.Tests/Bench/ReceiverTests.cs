using ChatOps.Cli.Bench;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Bench;

/// <summary>What a receiver counts: a line delivered twice, or after a later line of its sender, is repeated, not received.</summary>
public sealed class ReceiverTests
{
    [Fact]
    public void A_line_delivered_twice_or_out_of_order_is_counted_as_repeated_and_not_as_received()
    {
        var time = new FakeTimeProvider();
        var receiver = new Receiver(2, [], time, senders: 2);

        receiver.Scan(Lines(time, (0, 0), (1, 0), (0, 1), (0, 1), (1, 2), (1, 1), (0, 2)));

        // Sender 0: 0, 1, 1 again, 2. Sender 1: 0, 2, then 1 after 2 (a relay keeps each sender's order).
        Assert.Equal(2, receiver.Repeated);
        Assert.Equal(5, receiver.Measured);
        Assert.Equal(5, receiver.AllTokens);
    }

    [Fact]
    public void Probes_sent_again_are_not_repeats()
    {
        var time = new FakeTimeProvider();
        var receiver = new Receiver(1, [], time, senders: 1);
        var probe = new byte[64];
        var length = Marker.WriteLine(probe, Marker.Probe, 0, 0, time.GetTimestamp(), 64);

        receiver.Scan(probe.AsSpan(0, length));
        receiver.Scan(probe.AsSpan(0, length));
        receiver.Scan(Lines(time, (0, 0)));

        Assert.True(receiver.SawProbe);
        Assert.Equal(0, receiver.Repeated);
        Assert.Equal(1, receiver.Measured);
    }

    private static byte[] Lines(FakeTimeProvider time, params (int Sender, long Sequence)[] lines)
    {
        var buffer = new byte[64 * lines.Length];
        var at = 0;
        foreach (var (sender, sequence) in lines)
            at += Marker.WriteLine(buffer.AsSpan(at), Marker.Measured, sender, sequence, time.GetTimestamp(), 64);
        return buffer[..at];
    }
}
