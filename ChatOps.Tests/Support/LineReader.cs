using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace ChatOps.Tests.Support;

/// <summary>Reads <c>\n</c>-terminated lines from a pipe with a bounded wait; null means the peer closed.</summary>
internal sealed class LineReader(PipeReader reader)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public async Task<string?> ReadLineAsync(TimeSpan? timeout = null) =>
        await ReadLineBytesAsync(timeout) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The line's bytes without the <c>\n</c>.</summary>
    public async Task<byte[]?> ReadLineBytesAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"no line within {limit.TotalSeconds} s");
            }
            var buffer = result.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } newline)
            {
                var line = buffer.Slice(0, newline).ToArray();
                reader.AdvanceTo(buffer.GetPosition(1, newline));
                return line;
            }
            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads lines until one matches; the lines skipped on the way are returned too, for messages.</summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var skipped = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no matching line within {limit.TotalSeconds} s; got: {string.Join(" | ", skipped)}");
            var line = await ReadLineAsync(left)
                ?? throw new EndOfStreamException($"closed before a matching line; got: {string.Join(" | ", skipped)}");
            if (match(line))
                return line;
            skipped.Add(line);
        }
    }

    /// <summary>Reads to the end of the stream (bounded): the lines that were still coming.</summary>
    public async Task<List<string>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var lines = new List<string>();
        while (await ReadLineAsync(Max(deadline - DateTime.UtcNow)) is { } line)
            lines.Add(line);
        return lines;
    }

    private static TimeSpan Max(TimeSpan left) => left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
}
