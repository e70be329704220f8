using System.Text;
using ChatOps.TcpEngine.Decoding;

namespace ChatOps.Tests.Framing;

public sealed class TelnetParserTests
{
    private const byte Iac = 255;

    private static (string Text, bool Negotiated) Filter(params byte[][] pieces)
    {
        var parser = new TelnetParser();
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            var output = new byte[piece.Length + 2];
            text.Append(Encoding.Latin1.GetString(output, 0, parser.Filter(piece, output)));
        }
        var tail = new byte[1];
        text.Append(Encoding.Latin1.GetString(tail, 0, parser.Flush(tail)));
        return (text.ToString(), parser.Negotiated);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Plain_text_passes_unchanged_and_nothing_is_reported()
    {
        Assert.Equal(("bonjour", false), Filter(Ascii("bonjour")));
    }

    [Theory]
    [InlineData(251)] // WILL
    [InlineData(252)] // WONT
    [InlineData(253)] // DO
    [InlineData(254)] // DONT
    public void Option_negotiation_is_removed_with_its_option_byte(byte verb)
    {
        Assert.Equal(("hi", true), Filter([Iac, verb, 1, .. Ascii("h"), Iac, verb, 31, .. Ascii("i")]));
    }

    [Fact]
    public void A_subnegotiation_is_removed_up_to_IAC_SE_even_with_a_newline_inside()
    {
        // IAC SB NAWS 0 10 0 24 IAC SE: a window 10 columns wide is a \n byte inside the subnegotiation.
        Assert.Equal(("ok", true), Filter([Iac, 250, 31, 0, 10, 0, 24, Iac, 240, .. Ascii("ok")]));
    }

    [Fact]
    public void A_subnegotiation_cut_across_reads_is_still_removed()
    {
        Assert.Equal(("ab", true), Filter([.. Ascii("a"), Iac, 250, 24], [0, .. Ascii("xterm"), Iac], [240, .. Ascii("b")]));
    }

    [Fact]
    public void Two_byte_commands_such_as_interrupt_process_are_removed()
    {
        Assert.Equal(("ab", true), Filter([.. Ascii("a"), Iac, 244, .. Ascii("b")]));
    }

    [Fact]
    public void Erase_character_and_erase_line_become_the_editing_keys()
    {
        Assert.Equal(("ab\bc\u0015d", true), Filter([.. Ascii("ab"), Iac, 247, .. Ascii("c"), Iac, 248, .. Ascii("d")]));
    }

    [Fact]
    public void An_escaped_IAC_IAC_is_one_data_byte()
    {
        Assert.Equal(("x\u00FFy", false), Filter([.. Ascii("x"), Iac, Iac, .. Ascii("y")]));
    }

    [Fact]
    public void A_0xFF_followed_by_no_telnet_command_is_data()
    {
        // Windows-1252's ÿ before a letter.
        Assert.Equal(("\u00FFa", false), Filter([Iac, (byte)'a']));
    }

    [Fact]
    public void A_lone_0xFF_at_a_pause_is_data()
    {
        Assert.Equal(("z\u00FF", false), Filter([.. Ascii("z"), Iac]));
    }

    [Fact]
    public void An_endless_subnegotiation_gives_up_after_a_kilobyte()
    {
        var (text, _) = Filter([Iac, 250, 24, .. new byte[1100], .. Ascii("back")]);
        Assert.EndsWith("back", text, StringComparison.Ordinal);
        Assert.True(text.Length < 100, $"{text.Length} bytes passed");
    }
}
