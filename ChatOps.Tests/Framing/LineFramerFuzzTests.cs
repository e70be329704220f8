using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Framing;

/// <summary>Any byte stream cut at random points yields the same lines as the stream in one piece.</summary>
public sealed class LineFramerFuzzTests
{
    private const int MaxLine = 40;

    [Theory]
    [InlineData(1, FramingMode.Lines)]
    [InlineData(2, FramingMode.Lines)]
    [InlineData(20261124, FramingMode.Lines)]
    [InlineData(1, FramingMode.Auto)]
    [InlineData(2, FramingMode.Auto)]
    [InlineData(20261130, FramingMode.Auto)]
    [InlineData(3, FramingMode.Messages)]
    public void Random_cuts_give_the_same_lines_as_one_piece(int seed, FramingMode mode)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var stream = RandomStream(random);
            var whole = Framed.Frame(MaxLine, mode, [stream]);
            var cut = Framed.Frame(MaxLine, mode, Cut(stream, random));
            Assert.True(whole.SequenceEqual(cut), $"seed {seed}, round {round}: [{string.Join("|", whole)}] vs [{string.Join("|", cut)}]");
        }
    }

    [Theory]
    [InlineData(FramingMode.Lines)]
    [InlineData(FramingMode.Auto)]
    [InlineData(FramingMode.Messages)]
    public void Byte_by_byte_gives_the_same_lines_as_one_piece(FramingMode mode)
    {
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var stream = RandomStream(random);
            Assert.Equal(Framed.Frame(MaxLine, mode, [stream]), Framed.Frame(MaxLine, mode, stream.Select(b => new[] { b })));
        }
    }

    // Lines of every length around the limit, made of letters, \r, NUL, 0xFF and bytes of multi-byte UTF-8 characters.
    private static byte[] RandomStream(Random random)
    {
        byte[] alphabet = [(byte)'a', (byte)'b', (byte)'\r', 0, 0xFF, 0xC3, 0xA9, (byte)' '];
        var bytes = new List<byte>();
        var lines = random.Next(0, 12);
        for (var i = 0; i < lines; i++)
        {
            var length = random.Next(0, 3) == 0 ? random.Next(MaxLine - 2, MaxLine + 3) : random.Next(0, MaxLine * 3);
            for (var j = 0; j < length; j++)
                bytes.Add(alphabet[random.Next(alphabet.Length)]);
            if (random.Next(0, 3) == 0)
                bytes.Add((byte)'\r');
            bytes.Add((byte)'\n');
        }
        // Sometimes an unfinished tail, which must not come out in either case.
        for (var j = random.Next(0, 2) * random.Next(0, MaxLine * 2); j > 0; j--)
            bytes.Add((byte)'a');
        return [.. bytes];
    }

    private static List<byte[]> Cut(byte[] stream, Random random)
    {
        var pieces = new List<byte[]>();
        var at = 0;
        while (at < stream.Length)
        {
            var size = Math.Min(stream.Length - at, random.Next(1, 2 * MaxLine));
            pieces.Add(stream[at..(at + size)]);
            at += size;
        }
        return pieces;
    }
}
