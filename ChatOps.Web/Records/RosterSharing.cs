using System.Collections.Immutable;
using ChatOps.Cluster.Control;
using ChatOps.History.Roster;

namespace ChatOps.Web.Records;

/// <summary>
/// The roster across hosts: a name given (or removed) on this host goes to the cluster's roster, and this host's
/// <see cref="ClassRoster"/> answers the cluster's names it has none for, so that the dashboard, the relay's prefix and
/// the Cluster panel show a name given on any host. This host's own names win.
/// </summary>
internal sealed class RosterSharing(ClassRoster roster, ClusterRoster cluster, ILogger<RosterSharing> logger) : IDisposable
{
    private readonly SemaphoreSlim _pushing = new(1, 1);
    private ImmutableDictionary<(string Ip, int Port), RosterEntry> _shared = ImmutableDictionary<(string, int), RosterEntry>.Empty;

    /// <summary>Starts both ways, and shares the names this host already has (its saved roster).</summary>
    public void Start()
    {
        roster.Shared = (ip, port) => cluster.Find(ip, port) is { } n ? new RosterEntry(n.Ip, n.Port, n.Name, n.Seat, n.At, n.By) : null;
        cluster.Changed += roster.SharedChanged;
        roster.Changed += OnRosterChanged;
        OnRosterChanged();
    }

    private void OnRosterChanged() => _ = PushAsync();

    // Serialised: each push compares this host's roster with what it shared last, and sends only the difference (a
    // change made by the cluster's names raises Changed too, and finds nothing to send).
    private async Task PushAsync()
    {
        await _pushing.WaitAsync();
        try
        {
            var now = roster.Entries.ToImmutableDictionary(e => (e.Ip, e.Port ?? 0));
            foreach (var entry in now.Values.Where(e => !_shared.TryGetValue((e.Ip, e.Port ?? 0), out var was) || was != e))
                await cluster.SetAsync(entry.Ip, entry.Port, entry.Name, entry.Seat, entry.By);
            foreach (var gone in _shared.Keys.Where(k => !now.ContainsKey(k)))
                await cluster.RemoveAsync(gone.Ip, gone.Port);
            _shared = now;
        }
        catch (Exception e)
        {
            SharingLog.RosterShareFailed(logger, e);
        }
        finally
        {
            _pushing.Release();
        }
    }

    public void Dispose()
    {
        roster.Changed -= OnRosterChanged;
        cluster.Changed -= roster.SharedChanged;
        roster.Shared = null;
    }
}
