namespace ChatOps.Cluster.Bus;

/// <summary>
/// The last sequence number delivered from each origin (host and instance): an entry appended twice, or read again
/// after a reconnect, has a number already passed and is skipped. Only the reader of one bus touches it.
/// </summary>
internal sealed class OriginSequences
{
    private readonly Dictionary<string, long> _last = [];

    /// <summary>True, and remembered, when <paramref name="sequence"/> is past the origin's last one.</summary>
    public bool Advance(string origin, long sequence)
    {
        if (_last.TryGetValue(origin, out var last) && sequence <= last)
            return false;
        _last[origin] = sequence;
        return true;
    }
}
