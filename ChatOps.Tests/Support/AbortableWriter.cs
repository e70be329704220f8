using System.IO.Pipelines;

namespace ChatOps.Tests.Support;

/// <summary>A pipe writer whose flushes report "completed" once the connection is aborted, as a reset socket's writes fail.</summary>
internal sealed class AbortableWriter(PipeWriter inner, Func<bool> aborted) : PipeWriter
{
    public override void Advance(int bytes) => inner.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (aborted())
            return new FlushResult(isCanceled: false, isCompleted: true);
        var result = await inner.FlushAsync(cancellationToken);
        return aborted() ? new FlushResult(isCanceled: false, isCompleted: true) : result;
    }
}
