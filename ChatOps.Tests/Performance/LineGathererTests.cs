using System.Text;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Tests.Performance;

public sealed class LineGathererTests
{
    [Theory]
    [InlineData("192.168.1.23", "bonjour")]
    [InlineData("10.0.0.1", "ça marche, élève n°12 ✓")]
    [InlineData("::1", "")]
    public void One_line_gives_the_same_bytes_as_formatting_then_encoding(string ip, string text)
    {
        var gatherer = new LineGatherer();
        gatherer.Append(WireFormat.RelayedPrefix(ip), text);

        var (bytes, lines) = gatherer.Take();

        Assert.Equal(WireFormat.Encode(WireFormat.Relayed(ip, text)), bytes);
        Assert.Equal(1, lines);
    }

    [Fact]
    public void Lines_are_gathered_in_order_past_the_first_buffer_then_it_starts_over()
    {
        var prefix = WireFormat.RelayedPrefix("10.0.0.7");
        var gatherer = new LineGatherer();
        var texts = Enumerable.Range(0, 300).Select(i => $"ligne {i} " + new string('é', i % 40)).ToArray();
        foreach (var text in texts)
            gatherer.Append(prefix, text);

        var (bytes, lines) = gatherer.Take();

        Assert.Equal(300, lines);
        Assert.Equal(string.Concat(texts.Select(t => $"[10.0.0.7] {t}\n")), Encoding.UTF8.GetString(bytes));
        Assert.True(gatherer.IsEmpty);
        gatherer.Append(prefix, "encore");
        Assert.Equal("[10.0.0.7] encore\n", Encoding.UTF8.GetString(gatherer.Take().Bytes));
    }
}
