using System.Buffers;
using ChatOps.TcpEngine.Decoding;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Support;

/// <summary>
/// Drives an <see cref="InboundDecoder"/> as a session's read loop does, without a socket or a clock: reads, pauses and
/// the end of the input, recording each line it yields (and <see cref="TooLong"/> for a dropped one).
/// </summary>
internal sealed class Decoded(int maxLineBytes = 4096, FramingMode mode = FramingMode.Auto) : IInboundSink
{
    public const string TooLong = "<too long>";

    /// <summary>In a list of pieces, marks a pause of the message gap between two reads.</summary>
    public static readonly byte[] Pause = [];

    public InboundDecoder Decoder { get; } = new(maxLineBytes, mode);

    public List<string> Lines { get; } = [];

    /// <summary>Feeds each piece as one read (<see cref="Pause"/> is a pause), then a pause and the end of the input.</summary>
    public static Decoded Of(IEnumerable<byte[]> pieces, FramingMode mode = FramingMode.Auto, int maxLineBytes = 4096)
    {
        var decoded = new Decoded(maxLineBytes, mode);
        foreach (var piece in pieces)
        {
            if (ReferenceEquals(piece, Pause))
                decoded.Decoder.Silence(decoded);
            else
                decoded.Read(piece);
        }
        decoded.Decoder.End(decoded);
        return decoded;
    }

    public static List<string> Lines_(params byte[][] pieces) => Of(pieces).Lines;

    public void Read(byte[] piece) => Decoder.Decode(new ReadOnlySequence<byte>(piece), this);

    public void OnLine(string text) => Lines.Add(text);

    public void OnTooLong(bool unfinished) => Lines.Add(TooLong);
}
