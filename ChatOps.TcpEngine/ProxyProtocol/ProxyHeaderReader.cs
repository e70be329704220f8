using System.Buffers;
using System.IO.Pipelines;

namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>
/// Reads a PROXY protocol v2 header off the start of a connection's input, before anything else reads it. On success
/// the header's bytes are consumed and what the client sent after it stays in the pipe for the session: the header never
/// reaches the line decoder.
/// </summary>
internal static class ProxyHeaderReader
{
    /// <summary>The header, or the error that refuses the connection; <see cref="ProxyHeaderError.Timeout"/> once <paramref name="timeout"/> has passed.</summary>
    public static async Task<(ProxyHeader Header, ProxyHeaderError Error)> ReadAsync(PipeReader input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(deadline.Token);
                var buffer = result.Buffer;
                var status = ProxyHeaderParser.Parse(buffer, out var header, out var error);
                if (status == OperationStatus.Done)
                {
                    input.AdvanceTo(buffer.GetPosition(header.Length));
                    return (header, ProxyHeaderError.None);
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                if (status == OperationStatus.InvalidData)
                    return (default, error);
                if (result.IsCompleted)
                    return (default, buffer.IsEmpty ? ProxyHeaderError.Closed : ProxyHeaderError.Truncated);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our deadline, not the caller's: the balancer connected and sent no complete header in time.
            return (default, ProxyHeaderError.Timeout);
        }
    }
}
