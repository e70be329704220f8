using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Tests.Performance;

public sealed class OutgoingQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void Lines_past_capacity_are_refused()
    {
        var queue = new OutgoingQueue(2);

        Assert.True(queue.TryWrite(new byte[] { 1 }));
        Assert.True(queue.TryWrite(new byte[] { 2 }));
        Assert.False(queue.TryWrite(new byte[] { 3 }));
    }

    [Fact]
    public void The_capacity_counts_lines_and_an_empty_queue_takes_a_batch_larger_than_it()
    {
        var queue = new OutgoingQueue(4);

        Assert.True(queue.TryWrite(new OutgoingLines(new byte[] { 1 }, 3)));
        Assert.False(queue.TryWrite(new OutgoingLines(new byte[] { 2 }, 2))); // 3 + 2 lines > 4
        Assert.True(queue.TryWrite(new byte[] { 3 }));
        queue.TakeAll();
        Assert.True(queue.TryWrite(new OutgoingLines(new byte[] { 4 }, 10))); // Empty: a whole relayed read fits.
        Assert.False(queue.TryWrite(new byte[] { 5 }));
    }

    [Fact]
    public async Task The_reader_takes_every_queued_line_in_order_in_one_batch()
    {
        var queue = new OutgoingQueue(10);
        queue.TryWrite(new byte[] { 1 });
        queue.TryWrite(new byte[] { 2 });

        Assert.True(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken));
        var batch = queue.TakeAll();

        Assert.Equal([1, 2], batch.Select(l => l.Bytes.Span[0]));
        Assert.True(queue.TryWrite(new byte[] { 3 })); // Taking freed the room.
    }

    [Fact]
    public async Task A_waiting_reader_wakes_when_a_line_arrives()
    {
        var queue = new OutgoingQueue(10);
        var waiting = queue.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        queue.TryWrite(new byte[] { 7 });

        Assert.True(await waiting.WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(7, queue.TakeAll().Single().Bytes.Span[0]);
    }

    [Fact]
    public async Task After_complete_the_queued_lines_are_drained_then_reading_ends()
    {
        var queue = new OutgoingQueue(10);
        queue.TryWrite(new byte[] { 1 });
        queue.Complete();

        Assert.False(queue.TryWrite(new byte[] { 2 }));
        Assert.True(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken));
        Assert.Single(queue.TakeAll());
        Assert.False(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Complete_wakes_a_waiting_reader()
    {
        var queue = new OutgoingQueue(10);
        var waiting = queue.WaitToReadAsync().AsTask();

        queue.Complete();

        await waiting.WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken);
        Assert.Empty(queue.TakeAll());
        Assert.False(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken));
    }
}
