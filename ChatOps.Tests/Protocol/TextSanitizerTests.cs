using System.Text;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Tests.Protocol;

public sealed class TextSanitizerTests
{
    [Fact]
    public void Invalid_UTF8_becomes_the_replacement_character_and_is_reported()
    {
        var text = TextSanitizer.Decode([(byte)'a', 0xC3, (byte)'b', 0xFF, 0xFE, (byte)'c'], out var invalid);
        Assert.True(invalid);
        Assert.Equal("a\uFFFDb\uFFFD\uFFFDc", text);
    }

    [Theory]
    [InlineData("élève, garçon, où, naïve")]
    [InlineData("😀 👩🏽‍💻 🇫🇷")]
    [InlineData("中文 العربية Ελληνικά")]
    public void Valid_UTF8_passes_through_byte_for_byte(string sample)
    {
        var bytes = Encoding.UTF8.GetBytes(sample);
        var text = TextSanitizer.Decode(bytes, out var invalid);
        var clean = TextSanitizer.RemoveControls(text, out var removed);
        Assert.False(invalid);
        Assert.False(removed);
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(clean));
    }

    [Fact]
    public void A_truncated_emoji_is_invalid_not_a_crash()
    {
        var emoji = Encoding.UTF8.GetBytes("😀");
        var text = TextSanitizer.Decode(emoji.AsSpan(0, 3), out var invalid);
        Assert.True(invalid);
        Assert.Equal("\uFFFD", text);
    }

    [Theory]
    [InlineData("\u001b[2J\u001b[Hclear", "clear")]
    [InlineData("\u001b[1;31mrouge\u001b[0m", "rouge")]
    [InlineData("\u001b]0;pwned\u0007title", "title")]
    [InlineData("\u001b]8;;http://x\u001b\\link", "link")]
    [InlineData("a\u001b7b\u001b8c", "abc")]
    [InlineData("\u009b31mc1", "c1")]
    public void ANSI_escape_sequences_are_removed_with_their_parameters(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.RemoveControls(input, out var removed));
        Assert.True(removed);
    }

    [Theory]
    [InlineData("ding\u0007", "ding")]
    [InlineData("n\0u\0l", "nul")]
    [InlineData("back\bspace", "backspace")]
    [InlineData("del\u007f", "del")]
    [InlineData("over\rwrite", "overwrite")]
    [InlineData("c1\u0085\u0090", "c1")]
    public void BEL_NUL_and_other_control_characters_are_removed(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.RemoveControls(input, out var removed));
        Assert.True(removed);
    }

    [Fact]
    public void Tab_is_kept()
    {
        const string text = "nom\tprénom";
        Assert.Same(text, TextSanitizer.RemoveControls(text, out var removed));
        Assert.False(removed);
    }

    [Fact]
    public void Every_C0_control_but_tab_is_removed()
    {
        var all = new string([.. Enumerable.Range(0, 32).Select(i => (char)i)]) + "x";
        Assert.Equal("\tx", TextSanitizer.RemoveControls(all.Replace("\u001b", "", StringComparison.Ordinal), out _));
    }

    [Fact]
    public void An_escape_at_the_very_end_is_removed()
    {
        Assert.Equal("end", TextSanitizer.RemoveControls("end\u001b", out _));
    }
}
