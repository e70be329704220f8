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

    /// <summary>
    /// <c>[ip] text\n</c> encoded straight into its final array: one allocation per relayed line instead of a formatted
    /// string and then its bytes. Same bytes as <c>Encode(Relayed(senderIp, text))</c>.
    /// </summary>
    public static byte[] EncodeRelayed(string senderIp, string text)
    {
        ArgumentNullException.ThrowIfNull(senderIp);
        ArgumentNullException.ThrowIfNull(text);
        var ipBytes = Encoding.UTF8.GetByteCount(senderIp);
        var bytes = new byte[1 + ipBytes + 2 + Encoding.UTF8.GetByteCount(text) + 1];
        bytes[0] = (byte)'[';
        var at = 1 + Encoding.UTF8.GetBytes(senderIp, bytes.AsSpan(1));
        bytes[at++] = (byte)']';
        bytes[at++] = (byte)' ';
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(at));
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary><c>[192.168.1.23] bonjour</c>: how a relayed line reaches the others.</summary>
    public static string Relayed(string senderIp, string text) => $"[{senderIp}] {text}";

    /// <summary><c>[server] text</c>: how the operator's line reaches clients in the many-client modes.</summary>
    public static string FromOperator(string text) => Relayed(Notices.ServerName, text);
}
