using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

/// <summary>
/// A wire whose first write stalls until <see cref="Release"/>, as a send blocked by a full socket does; every write
/// then reaches <c>reader</c> at once.
/// </summary>
internal sealed class StallingWriter(Receiver reader) : ILineWriter
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first write is waiting.</summary>
    public Task Stalled => _stalled.Task;

    public void Release() => _released.TrySetResult();

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _stalled.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        reader.Scan(data.Span);
    }
}
