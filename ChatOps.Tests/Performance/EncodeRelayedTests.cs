using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Tests.Performance;

public sealed class EncodeRelayedTests
{
    [Theory]
    [InlineData("192.168.1.23", "bonjour")]
    [InlineData("10.0.0.1", "ça marche, élève n°12 ✓")]
    [InlineData("::1", "")]
    public void Gives_the_same_bytes_as_formatting_then_encoding(string ip, string text) =>
        Assert.Equal(WireFormat.Encode(WireFormat.Relayed(ip, text)), WireFormat.EncodeRelayed(ip, text));
}
