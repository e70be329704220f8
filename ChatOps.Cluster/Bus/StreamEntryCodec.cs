using ChatOps.TcpEngine.Bus;
using StackExchange.Redis;

namespace ChatOps.Cluster.Bus;

/// <summary>
/// One broadcast as a stream entry's fields: <c>h</c> the origin host, <c>i</c> its bus instance (a new one each time
/// the host starts, so its sequence may start again at 1), <c>q</c> the sequence number in that instance, <c>s</c> the
/// sender's session id on its host (0: none), <c>n</c> the number of lines, <c>b</c> the encoded bytes (the sender's IP
/// is already in them: <c>[ip] text</c>).
/// </summary>
internal static class StreamEntryCodec
{
    public static NameValueEntry[] Encode(string hostId, string instance, long sequence, ChatBroadcast message) =>
    [
        new("h", hostId),
        new("i", instance),
        new("q", sequence),
        new("s", message.ExceptSessionId),
        new("n", message.Lines),
        new("b", message.Bytes),
    ];

    /// <summary>The entry's origin, sequence and broadcast; null when a field is missing or malformed.</summary>
    public static Decoded? Decode(StreamEntry entry)
    {
        RedisValue host = entry["h"], instance = entry["i"], sequence = entry["q"], session = entry["s"], lines = entry["n"], bytes = entry["b"];
        if (host.IsNull || instance.IsNull || bytes.IsNull
            || !sequence.TryParse(out long q) || !session.TryParse(out long s) || !lines.TryParse(out int n) || n < 1)
            return null;
        return new Decoded(host.ToString(), instance.ToString(), q, s, new ChatBroadcast((byte[])bytes!, 0, n));
    }

    /// <param name="SenderSessionId">The sender on the origin host; only that host skips it.</param>
    internal sealed record Decoded(string HostId, string Instance, long Sequence, long SenderSessionId, ChatBroadcast Broadcast)
    {
        public string Origin => $"{HostId}/{Instance}";
    }
}
