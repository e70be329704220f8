using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Tests.Performance;

public sealed class OutgoingQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static OutgoingLines Line(byte value, int bytes = 1)
    {
        var line = new byte[bytes];
        line[0] = value;
        return new OutgoingLines(line, 1);
    }

    [Fact]
    public void A_full_queue_still_takes_lines_and_says_once_that_it_became_full()
    {
        var queue = new OutgoingQueue(10);

        Assert.True(queue.TryWrite(Line(1, 6), out var full));
        Assert.False(full);
        Assert.True(queue.TryWrite(Line(2, 4), out full)); // 10 bytes: the bound.
        Assert.True(full);
        Assert.True(queue.TryWrite(Line(3, 4), out full)); // Past it: taken, not refused; nothing is lost.
        Assert.False(full);
        Assert.True(queue.IsFull);
        Assert.Equal(14, queue.QueuedBytes);
    }

    [Fact]
    public async Task Bytes_being_written_count_until_written_and_room_comes_back_at_half()
    {
        var queue = new OutgoingQueue(10);
        queue.TryWrite(Line(1, 6), out _);
        queue.TryWrite(Line(2, 6), out _);
        var room = queue.WhenRoomAsync();
        Assert.False(room.IsCompleted);

        queue.TakeAll();
        Assert.True(queue.IsFull); // Taken by the write loop, not yet taken by the socket.
        queue.TryWrite(Line(3, 6), out _);
        queue.Written(); // 6 bytes left: more than half of 10.
        Assert.True(queue.IsFull);
        Assert.False(room.IsCompleted);

        queue.TakeAll();
        queue.Written();
        await room.WaitAsync(Timeout, Ct);
        Assert.False(queue.IsFull);
        Assert.Equal(0, queue.QueuedBytes);
        Assert.True(queue.WhenRoomAsync().IsCompleted);
    }

    [Fact]
    public async Task Complete_resumes_the_paused_senders_and_refuses_more_lines()
    {
        var queue = new OutgoingQueue(4);
        queue.TryWrite(Line(1, 8), out _);
        var room = queue.WhenRoomAsync();

        queue.Complete();

        await room.WaitAsync(Timeout, Ct);
        Assert.False(queue.TryWrite(Line(2), out _));
    }

    [Fact]
    public async Task The_reader_takes_every_queued_line_in_order_in_one_batch()
    {
        var queue = new OutgoingQueue(10);
        queue.TryWrite(Line(1), out _);
        queue.TryWrite(Line(2), out _);

        Assert.True(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Ct));
        var batch = queue.TakeAll();

        Assert.Equal([1, 2], batch.Select(l => l.Bytes.Span[0]));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_when_a_line_arrives()
    {
        var queue = new OutgoingQueue(10);
        var waiting = queue.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        queue.TryWrite(Line(7), out _);

        Assert.True(await waiting.WaitAsync(Timeout, Ct));
        Assert.Equal(7, queue.TakeAll().Single().Bytes.Span[0]);
    }

    [Fact]
    public async Task After_complete_the_queued_lines_are_drained_then_reading_ends()
    {
        var queue = new OutgoingQueue(10);
        queue.TryWrite(Line(1), out _);
        queue.Complete();

        Assert.False(queue.TryWrite(Line(2), out _));
        Assert.True(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Ct));
        Assert.Single(queue.TakeAll());
        Assert.False(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Ct));
    }

    [Fact]
    public async Task Complete_wakes_a_waiting_reader()
    {
        var queue = new OutgoingQueue(10);
        var waiting = queue.WaitToReadAsync().AsTask();

        queue.Complete();

        await waiting.WaitAsync(Timeout, Ct);
        Assert.Empty(queue.TakeAll());
        Assert.False(await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Ct));
    }

    // Four writers on their own threads against one reader, with a bound small enough that they pause on it hundreds of
    // times: every line arrives once, each writer's in order, and the accounting ends at zero.
    [Fact]
    public async Task Many_writers_and_one_reader_lose_duplicate_and_reorder_nothing_across_pauses()
    {
        const int writers = 4;
        const int perWriter = 20_000;
        var queue = new OutgoingQueue(256);
        var pauses = 0;

        var writing = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var line = new byte[8];
                BitConverter.TryWriteBytes(line.AsSpan(0, 4), w);
                BitConverter.TryWriteBytes(line.AsSpan(4, 4), i);
                Assert.True(queue.TryWrite(new OutgoingLines(line, 1), out _));
                if (queue.IsFull)
                {
                    Interlocked.Increment(ref pauses);
                    await queue.WhenRoomAsync().WaitAsync(Timeout, Ct);
                }
            }
        }, Ct)).ToArray();
        var finished = Task.WhenAll(writing).ContinueWith(_ => queue.Complete(), Ct, TaskContinuationOptions.None, TaskScheduler.Default);

        var next = new int[writers];
        while (await queue.WaitToReadAsync().AsTask().WaitAsync(Timeout, Ct))
        {
            foreach (var lines in queue.TakeAll())
            {
                var w = BitConverter.ToInt32(lines.Bytes.Span[..4]);
                Assert.Equal(next[w]++, BitConverter.ToInt32(lines.Bytes.Span[4..8]));
            }
            queue.Written();
        }

        await finished.WaitAsync(Timeout, Ct);
        await Task.WhenAll(writing);
        Assert.All(next, n => Assert.Equal(perWriter, n));
        Assert.Equal(0, queue.QueuedBytes);
        Assert.True(pauses > 100, $"only {pauses} pauses: the bound was not exercised");
    }
}
