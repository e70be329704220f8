using System.Text;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Tests.Protocol;

public sealed class WireFormatTests
{
    [Fact]
    public void A_relayed_line_carries_the_sender_ip_in_brackets()
    {
        Assert.Equal("[192.168.1.23] bonjour", WireFormat.Relayed("192.168.1.23", "bonjour"));
    }

    [Fact]
    public void The_operator_speaks_as_server()
    {
        Assert.Equal("[server] silence", WireFormat.FromOperator("silence"));
    }

    [Fact]
    public void Encoding_is_UTF8_with_one_newline()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("é😀\n"), WireFormat.Encode("é😀"));
    }
}
