using System.Globalization;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Dashboard;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>
/// What the Connections table shows of the sessions: the teacher's filter, order and the grouping by room. Kept out of
/// the markup so that each rule is tested on plain snapshots, and so that a new column (a student's name) adds one
/// <see cref="ConnectionSort"/> and one <see cref="SearchFields"/> entry, nothing else.
/// </summary>
internal sealed class ConnectionsQuery
{
    /// <summary>What the filter looks in: the address, the port, and both as <c>ip:port</c> (what the mirror shows).</summary>
    public static readonly IReadOnlyList<Func<SessionSnapshot, string?>> AddressFields =
    [
        s => s.Ip,
        s => s.Port.ToString(CultureInfo.InvariantCulture),
        s => $"{s.Ip}:{s.Port.ToString(CultureInfo.InvariantCulture)}",
    ];

    public ConnectionSort Sort { get; private set; } = ConnectionSorts.Since;

    public bool Descending { get; private set; }

    /// <summary>Text the row must contain in one of <see cref="SearchFields"/> (ignoring case); empty shows every row.</summary>
    public string? Filter { get; set; }

    public IReadOnlyList<Func<SessionSnapshot, string?>> SearchFields { get; init; } = AddressFields;

    /// <summary>A header's click: its order ascending, or the other way round when it already sorts the table.</summary>
    public void SortBy(ConnectionSort sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        Descending = sort.Key == Sort.Key && !Descending;
        Sort = sort;
    }

    public bool IsFiltering => !string.IsNullOrWhiteSpace(Filter);

    public bool Matches(SessionSnapshot session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!IsFiltering)
            return true;
        var text = Filter!.Trim();
        return SearchFields.Any(field => field(session)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <summary>The rows to show, filtered and sorted; ties keep the order of arrival so live updates don't shuffle rows.</summary>
    public IReadOnlyList<SessionSnapshot> Apply(IEnumerable<SessionSnapshot> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var rows = sessions.Where(Matches).ToList();
        var sign = Descending ? -1 : 1;
        rows.Sort((a, b) =>
        {
            var order = sign * Sort.Compare(a, b);
            return order != 0 ? order : a.Id.CompareTo(b.Id);
        });
        return rows;
    }

    /// <summary>
    /// With several rooms, one group per room that has rows to show, in the rooms' order (the room bar's); with one room,
    /// a single group without a header.
    /// </summary>
    public IReadOnlyList<ConnectionGroup> Groups(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = Apply(view.Sessions);
        if (!view.HasRooms)
            return rows.Count == 0 ? [] : [new ConnectionGroup(null, rows)];
        return [.. view.Rooms
            .Select(room => new ConnectionGroup(room, [.. rows.Where(s => string.Equals(s.Room, room.Name, StringComparison.OrdinalIgnoreCase))]))
            .Where(g => g.Sessions.Count > 0)];
    }
}
