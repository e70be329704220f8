using System.Text;

namespace ChatOps.TcpEngine.Protocol;

/// <summary>Encodes outgoing lines once, so the same bytes can be queued to every recipient.</summary>
public static class WireFormat
{
    public static byte[] Encode(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bytes = new byte[Encoding.UTF8.GetByteCount(line) + 1];
        Encoding.UTF8.GetBytes(line, bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary><c>[ip] </c> encoded: what precedes every relayed line of one sender, encoded once per session.</summary>
    public static byte[] RelayedPrefix(string senderIp) => Encoding.UTF8.GetBytes(Relayed(senderIp, ""));

    /// <summary><c>[192.168.1.23] bonjour</c>: how a relayed line reaches the others.</summary>
    public static string Relayed(string senderIp, string text) => $"[{senderIp}] {text}";

    /// <summary><c>[server] text</c>: how the operator's line reaches clients in the many-client modes.</summary>
    public static string FromOperator(string text) => Relayed(Notices.ServerName, text);
}
