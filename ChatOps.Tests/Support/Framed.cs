using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using ChatOps.TcpEngine.Framing;

namespace ChatOps.Tests.Support;

/// <summary>
/// Feeds byte segments to a <see cref="LineFramer"/> through a real <see cref="Pipe"/>, the way a session reads a socket,
/// and records what comes out: each line as text, a too-long line as <see cref="TooLong"/>.
/// </summary>
internal sealed class Framed
{
    public const string TooLong = "<too long>";

    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 0, minimumSegmentSize: 16, useSynchronizationContext: false));

    public Framed(int maxLineBytes) => Framer = new LineFramer(maxLineBytes);

    public LineFramer Framer { get; }

    public List<string> Results { get; } = [];

    /// <summary>Bytes the framer still holds after the last segment: what an unfinished line costs.</summary>
    public long Held { get; private set; }

    public static List<string> Frame(int maxLineBytes, params IEnumerable<byte[]> segments)
    {
        var framed = new Framed(maxLineBytes);
        foreach (var segment in segments)
            framed.Feed(segment);
        return framed.Results;
    }

    public void Feed(string text) => Feed(Encoding.UTF8.GetBytes(text));

    public void Feed(byte[] segment)
    {
        if (segment.Length == 0)
            return;
        _pipe.Writer.Write(segment);
        if (!_pipe.Writer.FlushAsync().AsTask().IsCompletedSuccessfully || !_pipe.Reader.TryRead(out var result))
            throw new InvalidOperationException("the pipe should hand back what was just written");
        var buffer = result.Buffer;
        while (Framer.TryRead(ref buffer, out var line) is var frame && frame != FrameResult.NeedMore)
            Results.Add(frame == FrameResult.TooLong ? TooLong : Encoding.UTF8.GetString(line.ToArray()));
        Held = buffer.Length;
        _pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
    }
}
