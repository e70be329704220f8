using System.Text;
using ChatOps.TcpEngine.Framing;

namespace ChatOps.Tests.Framing;

public sealed class TelnetFilterTests
{
    private const byte Iac = 255;

    private static (string Text, bool Saw) Strip(params byte[] source)
    {
        var destination = new byte[source.Length];
        var written = TelnetFilter.Strip(source, destination, out var saw);
        return (Encoding.Latin1.GetString(destination, 0, written), saw);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Plain_text_passes_unchanged_and_nothing_is_reported()
    {
        Assert.Equal(("bonjour", false), Strip(Ascii("bonjour")));
    }

    [Theory]
    [InlineData(251)] // WILL
    [InlineData(252)] // WONT
    [InlineData(253)] // DO
    [InlineData(254)] // DONT
    public void Option_negotiation_is_removed_with_its_option_byte(byte verb)
    {
        Assert.Equal(("hi", true), Strip([Iac, verb, 1, .. Ascii("h"), Iac, verb, 31, .. Ascii("i")]));
    }

    [Fact]
    public void A_subnegotiation_is_removed_up_to_IAC_SE()
    {
        // IAC SB NAWS 0 80 0 24 IAC SE: the window size a telnet client sends on connect.
        Assert.Equal(("ok", true), Strip([Iac, 250, 31, 0, 80, 0, 24, Iac, 240, .. Ascii("ok")]));
    }

    [Fact]
    public void Two_byte_commands_such_as_interrupt_process_are_removed()
    {
        Assert.Equal(("ab", true), Strip([.. Ascii("a"), Iac, 244, .. Ascii("b")]));
    }

    [Fact]
    public void An_escaped_IAC_IAC_is_one_data_byte()
    {
        var (text, saw) = Strip([.. Ascii("x"), Iac, Iac, .. Ascii("y")]);
        Assert.Equal("x\u00FFy", text);
        Assert.False(saw);
    }

    [Fact]
    public void A_lone_IAC_at_the_end_is_dropped()
    {
        Assert.Equal(("z", true), Strip([.. Ascii("z"), Iac]));
    }

    [Fact]
    public void An_unterminated_subnegotiation_removes_the_rest_of_the_line()
    {
        Assert.Equal(("a", true), Strip([.. Ascii("a"), Iac, 250, 24, .. Ascii("xterm")]));
    }

    [Fact]
    public void Can_strip_in_place()
    {
        byte[] buffer = [Iac, 253, 3, .. Ascii("abc")];
        var written = TelnetFilter.Strip(buffer, buffer, out _);
        Assert.Equal("abc", Encoding.ASCII.GetString(buffer, 0, written));
    }
}
