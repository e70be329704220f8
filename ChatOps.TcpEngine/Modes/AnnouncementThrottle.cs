using System.Net;

namespace ChatOps.TcpEngine.Modes;

/// <summary>
/// Limits the join and leave notices of one address to <c>Chat:AnnouncementsPerAddressPerMinute</c> per minute, so a
/// program that reconnects in a loop costs the others one summary line a minute instead of two lines per connection.
/// Bounded: addresses quiet for a minute are forgotten when the table grows.
/// </summary>
internal sealed class AnnouncementThrottle(int perMinute)
{
    private const int PruneAbove = 1024;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, Entry> _entries = [];

    public enum Verdict
    {
        Announce,

        /// <summary>The first notice over the limit: say once that this address keeps reconnecting.</summary>
        Summarize,
        Quiet,
    }

    public Verdict Next(IPAddress address, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(address, out var entry) || now - entry.WindowStart >= Window)
            {
                if (_entries.Count >= PruneAbove)
                    Prune(now);
                entry = new Entry(now, 0);
            }
            entry = entry with { Count = entry.Count + 1 };
            _entries[address] = entry;
            if (entry.Count <= perMinute)
                return Verdict.Announce;
            return entry.Count == perMinute + 1 ? Verdict.Summarize : Verdict.Quiet;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, entry) in _entries.ToList())
        {
            if (now - entry.WindowStart >= Window)
                _entries.Remove(address);
        }
    }

    private readonly record struct Entry(DateTimeOffset WindowStart, int Count);
}
