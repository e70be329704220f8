using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Tests.Protocol;

public sealed class ProtocolWordsTests
{
    [Theory]
    [InlineData("bye")]
    [InlineData("BYE")]
    [InlineData("Bye")]
    [InlineData("  bye \t")]
    public void Bye_is_matched_on_the_trimmed_line_whatever_the_case(string line)
    {
        Assert.Equal(ProtocolWord.Bye, ProtocolWords.Parse(line));
    }

    [Theory]
    [InlineData("arret")]
    [InlineData("ARRET")]
    [InlineData(" Arret ")]
    [InlineData("arrêt")]
    [InlineData("ARRÊT")]
    public void Arret_is_matched_on_the_trimmed_line_whatever_the_case(string line)
    {
        Assert.Equal(ProtocolWord.Arret, ProtocolWords.Parse(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bye bye")]
    [InlineData("goodbye")]
    [InlineData("byebye")]
    [InlineData("arreter")]
    [InlineData("on arret")]
    [InlineData("b y e")]
    public void Anything_else_is_chat(string line)
    {
        Assert.Equal(ProtocolWord.None, ProtocolWords.Parse(line));
    }

    [Theory]
    [InlineData("arr\u00eat")] // NFC
    [InlineData("arre\u0302t")] // NFD: e + combining circumflex, as macOS keyboards and some editors send it
    [InlineData("ARRE\u0302T")]
    public void Arret_is_matched_composed_or_decomposed(string line)
    {
        Assert.Equal(ProtocolWord.Arret, ProtocolWords.Parse(line));
    }
}
