namespace ChatOps.Cli.Bench;

/// <summary>Where a sender writes its lines: a socket in a run, a buffer in a test.</summary>
internal interface ILineWriter
{
    ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);
}
