using System.Text;
using ChatOps.TcpEngine.Framing;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Support;

/// <summary>
/// Feeds byte segments to a <see cref="LineFramer"/> the way a session's read loop does, and records what comes out:
/// each frame as text, a too-long frame as <see cref="TooLong"/>. Strict line framing unless a mode is given.
/// </summary>
internal sealed class Framed(int maxLineBytes, FramingMode mode = FramingMode.Lines) : IFrameSink
{
    public const string TooLong = "<too long>";

    public LineFramer Framer { get; } = new(maxLineBytes, mode);

    public List<string> Results { get; } = [];

    /// <summary>Bytes the framer still holds after the last segment: what an unfinished line costs.</summary>
    public long Held => Framer.PendingBytes;

    public static List<string> Frame(int maxLineBytes, params IEnumerable<byte[]> segments) => Frame(maxLineBytes, FramingMode.Lines, segments);

    public static List<string> Frame(int maxLineBytes, FramingMode mode, IEnumerable<byte[]> segments)
    {
        var framed = new Framed(maxLineBytes, mode);
        foreach (var segment in segments)
            framed.Feed(segment);
        return framed.Results;
    }

    public void Feed(string text) => Feed(Encoding.UTF8.GetBytes(text));

    public void Feed(byte[] segment) => Framer.Push(segment, this);

    public void Pause() => Framer.Silence(this);

    public void OnFrame(ReadOnlySpan<byte> frame) => Results.Add(Encoding.UTF8.GetString(frame));

    public void OnTooLong(bool unfinished) => Results.Add(TooLong);
}
