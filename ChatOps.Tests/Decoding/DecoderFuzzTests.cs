using System.Text;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Decoding;

/// <summary>
/// Any stream the decoder understands, cut at random points or fed byte by byte, yields the same lines as in one
/// piece: telnet commands, line ends, UTF-8 and Windows-1252, UTF-16 and writeUTF records, with pauses kept in place.
/// </summary>
public sealed class DecoderFuzzTests
{
    private static readonly string[] LineEnds = ["\n", "\r\n", "\r", "\r\r\n", ""];

    public static TheoryData<string, int> Streams() => new()
    {
        { "telnet", 1 }, { "telnet", 2 }, { "utf8", 3 }, { "utf8", 20261130 }, { "utf16le", 4 }, { "utf16be", 5 }, { "writeutf", 6 }, { "nul", 7 },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void Random_cuts_and_single_bytes_give_the_same_lines_as_one_piece(string kind, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 100; round++)
        {
            var bursts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Burst(kind, random)).ToList();
            var whole = Decoded.Of(WithPauses(bursts.Select(b => new[] { b }))).Lines;
            var cut = Decoded.Of(WithPauses(bursts.Select(b => Cut(b, random)))).Lines;
            var bytes = Decoded.Of(WithPauses(bursts.Select(b => b.Select(x => new[] { x })))).Lines;
            Assert.True(whole.SequenceEqual(cut), $"{kind} seed {seed} round {round}: [{string.Join("|", whole)}] vs [{string.Join("|", cut)}]");
            Assert.True(whole.SequenceEqual(bytes), $"{kind} seed {seed} round {round}: byte by byte [{string.Join("|", bytes)}]");
        }
    }

    private static IEnumerable<byte[]> WithPauses(IEnumerable<IEnumerable<byte[]>> bursts) =>
        bursts.SelectMany(pieces => pieces.Append(Decoded.Pause));

    private static byte[] Burst(string kind, Random random)
    {
        string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => "ab é€😀\u202E\t\b"[random.Next(9)]));
        return kind switch
        {
            "telnet" => [255, 251, 1, .. Enumerable.Range(0, random.Next(1, 4)).SelectMany(_ => (byte[])[.. Encoding.UTF8.GetBytes(Text()), 255, 250, 31, 0, 10, 0, 24, 255, 240, .. "\r\n"u8])],
            "utf8" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Text() + LineEnds[random.Next(LineEnds.Length)]))),
            "utf16le" => Encoding.Unicode.GetBytes("\uFEFF" + Text() + "\n" + Text() + "\r\n"),
            "utf16be" => Encoding.BigEndianUnicode.GetBytes("\uFEFF" + Text() + "\n" + Text()),
            "writeutf" => [.. Record(Text() + "x"), .. Record(Text() + "y")],
            _ => [.. Encoding.UTF8.GetBytes("z" + Text()), 0, .. Encoding.UTF8.GetBytes(Text() + "\nleft")],
        };
    }

    private static byte[] Record(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return [(byte)(body.Length >> 8), (byte)body.Length, .. body];
    }

    private static List<byte[]> Cut(byte[] stream, Random random)
    {
        var pieces = new List<byte[]>();
        for (var at = 0; at < stream.Length;)
        {
            var size = Math.Min(stream.Length - at, random.Next(1, 12));
            pieces.Add(stream[at..(at + size)]);
            at += size;
        }
        return pieces;
    }
}
