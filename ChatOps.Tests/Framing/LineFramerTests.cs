using System.Text;
using ChatOps.TcpEngine.Framing;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Framing;

/// <summary>Strict line framing (<see cref="FramingMode.Lines"/>); automatic framing is in AutoFramingTests.</summary>
public sealed class LineFramerTests
{
    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_line_ends_at_the_newline_which_is_not_part_of_it()
    {
        Assert.Equal(["bonjour"], Framed.Frame(64, B("bonjour\n")));
    }

    [Fact]
    public void No_line_comes_out_before_its_newline()
    {
        var framed = new Framed(64);
        framed.Feed("bonj");
        framed.Feed("our");
        Assert.Empty(framed.Results);
        Assert.Equal(7, framed.Held);
        framed.Feed("\n");
        Assert.Equal(["bonjour"], framed.Results);
        Assert.Equal(0, framed.Held);
    }

    [Fact]
    public void Several_lines_in_one_segment_come_out_in_order()
    {
        Assert.Equal(["un", "deux", "trois"], Framed.Frame(64, B("un\ndeux\ntrois\n")));
    }

    [Fact]
    public void Lines_fed_byte_by_byte_come_out_whole()
    {
        var bytes = B("salut à tous\r\nça va ?\n\nfin\n");
        Assert.Equal(["salut à tous", "ça va ?", "", "fin"], Framed.Frame(64, bytes.Select(b => new[] { b })));
    }

    [Fact]
    public void A_carriage_return_before_the_newline_is_dropped_and_noted()
    {
        var framed = new Framed(64);
        framed.Feed("telnet\r\n");
        Assert.Equal(["telnet"], framed.Results);
        Assert.Equal(ClientTraits.CrLf, framed.Framer.Seen);
    }

    [Fact]
    public void A_bare_newline_is_noted_as_such()
    {
        var framed = new Framed(64);
        framed.Feed("nc\n");
        Assert.Equal(ClientTraits.LineFeed, framed.Framer.Seen);
    }

    [Fact]
    public void A_carriage_return_split_from_its_newline_is_still_dropped()
    {
        Assert.Equal(["java"], Framed.Frame(64, B("java\r"), B("\n")));
    }

    [Fact]
    public void A_carriage_return_inside_a_line_is_kept_for_the_sanitizer()
    {
        Assert.Equal(["a\rb"], Framed.Frame(64, B("a\rb\n")));
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_is_accepted_with_either_ending()
    {
        var max = new string('x', 32);
        Assert.Equal([max, max], Framed.Frame(32, B(max + "\n" + max + "\r\n")));
    }

    [Fact]
    public void A_line_one_byte_over_the_maximum_is_reported_too_long_and_the_next_line_still_comes()
    {
        Assert.Equal([Framed.TooLong, "ok"], Framed.Frame(32, B(new string('x', 33) + "\nok\n")));
    }

    [Fact]
    public void A_line_that_grows_past_the_maximum_is_reported_once_and_skipped_to_its_newline()
    {
        var framed = new Framed(32);
        for (var i = 0; i < 100; i++)
            framed.Feed(new string('x', 10));
        framed.Feed("still the long line\nnext\n");
        Assert.Equal([Framed.TooLong, "next"], framed.Results);
    }

    [Fact]
    public void Megabytes_without_a_newline_are_never_held()
    {
        var framed = new Framed(4096);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        long maxHeld = 0;
        for (var i = 0; i < 64; i++)
        {
            framed.Feed(chunk);
            maxHeld = Math.Max(maxHeld, framed.Held);
        }
        Assert.True(maxHeld <= 4096 + 1, $"held {maxHeld} bytes");
        Assert.Equal([Framed.TooLong], framed.Results);
    }

    [Fact]
    public void Empty_lines_come_out_as_empty_lines_the_session_ignores_them()
    {
        Assert.Equal(["", "", "x"], Framed.Frame(8, B("\n\r\nx\n")));
    }

    [Fact]
    public void A_maximum_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineFramer(0, FramingMode.Lines));
    }
}
