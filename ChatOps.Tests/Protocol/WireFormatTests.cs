using System.Text;
using ChatOps.TcpEngine;
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

    [Fact]
    public void Every_notice_starts_with_star_space()
    {
        string[] notices =
        [
            Notices.Goodbye("10.0.0.1"), Notices.Arret("x"), Notices.ArretRefused(), Notices.Joined("x"), Notices.Left("x"),
            Notices.Welcome(ChatMode.Relay, 2), Notices.Waiting(1), Notices.YourTurn(), Notices.LineTooLong(4096),
            Notices.SlowDown(20), Notices.Flooding(), Notices.Kicked(null), Notices.Kicked("why"), Notices.ServerFull(256),
            Notices.TooManyFromIp("x", 16), Notices.ShuttingDown(), Notices.ModeChanged(ChatMode.Echo), Notices.HeldFull(100),
        ];
        Assert.All(notices, n => Assert.StartsWith("* ", n, StringComparison.Ordinal));
    }
}
