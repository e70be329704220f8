using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

/// <summary>A wire with no delay: each write reaches <c>reader</c> at once; waiters learn when enough lines went out.</summary>
internal sealed class DeliveringWriter(Receiver? reader) : ILineWriter
{
    private readonly Lock _gate = new();
    private readonly List<(long Count, TaskCompletionSource Done)> _waiters = [];
    private long _lines;

    public long Lines
    {
        get
        {
            lock (_gate)
                return _lines;
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        reader?.Scan(data.Span);
        lock (_gate)
        {
            _lines += data.Span.Count((byte)'\n');
            foreach (var w in _waiters.Where(w => _lines >= w.Count))
                w.Done.TrySetResult();
        }
        return ValueTask.CompletedTask;
    }

    public Task WhenSentAsync(long lines)
    {
        lock (_gate)
        {
            if (_lines >= lines)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((lines, done));
            return done.Task;
        }
    }
}
