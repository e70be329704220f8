using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class SenderWindowTests
{
    [Fact]
    public void The_witness_is_the_last_client_except_for_that_clients_own_lines()
    {
        Assert.Equal(49, SenderWindow.WitnessFor(0, 50));
        Assert.Equal(49, SenderWindow.WitnessFor(48, 50));
        Assert.Equal(0, SenderWindow.WitnessFor(49, 50));
    }

    [Fact]
    public void With_a_witness_only_the_witness_acknowledges()
    {
        using var window = new SenderWindow(64, sender: 0, clients: 3, WindowAck.Witness);

        window.Ack(receiver: 1, sequence: 10);
        Assert.Equal(0, window.Acked);
        window.Ack(receiver: 2, sequence: 3);
        Assert.Equal(4, window.Acked);
    }

    [Fact]
    public void With_slowest_every_open_reader_must_have_seen_a_line()
    {
        using var window = new SenderWindow(64, sender: 0, clients: 3, WindowAck.Slowest);

        window.Ack(receiver: 2, sequence: 3);
        Assert.Equal(0, window.Acked);
        window.Ack(receiver: 1, sequence: 1);
        Assert.Equal(2, window.Acked);
    }

    [Fact]
    public void A_reader_the_relay_closed_no_longer_holds_the_slowest_window()
    {
        using var window = new SenderWindow(64, sender: 0, clients: 3, WindowAck.Slowest);
        window.Ack(receiver: 2, sequence: 5);

        window.ReceiverClosed(1);

        Assert.Equal(6, window.Acked);
    }

    [Fact]
    public async Task An_acknowledgement_opens_the_window_of_a_waiting_sender()
    {
        var ct = TestContext.Current.CancellationToken;
        using var window = new SenderWindow(4, sender: 0, clients: 3, WindowAck.Witness);
        Assert.Equal(4, await window.WaitForRoomAsync(0, ct));

        var waiting = window.WaitForRoomAsync(4, ct).AsTask();
        window.Ack(receiver: 2, sequence: 1);

        // The wait may also have ended on its periodic recheck just before the acknowledgement: then ask again.
        var room = await waiting.WaitAsync(TimeSpan.FromSeconds(10), ct);
        if (room == 0)
            room = await window.WaitForRoomAsync(4, ct);
        Assert.Equal(2, room);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task Once_no_client_can_acknowledge_the_sender_is_told_to_stop(bool witness, int lastToClose)
    {
        var ct = TestContext.Current.CancellationToken;
        using var window = new SenderWindow(4, sender: 0, clients: 3, witness ? WindowAck.Witness : WindowAck.Slowest);
        window.ReceiverClosed(3 - lastToClose);
        var waiting = window.WaitForRoomAsync(4, ct).AsTask();

        window.ReceiverClosed(lastToClose);

        Assert.Equal(-1, await waiting.WaitAsync(TimeSpan.FromSeconds(10), ct));
    }
}
