using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Dashboard;

namespace ChatOps.Tests.Web;

/// <summary>The Connections table's order, filter and rooms, on plain snapshots (the table's own tests click them).</summary>
public sealed class ConnectionsQueryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static SessionSnapshot Session(long id, string ip, int port, int since = 0, long linesIn = 0, int lastActivity = 0, string room = "main") =>
        new(id, ip, port, T0.AddSeconds(since), linesIn, 0, 0, 0, T0.AddSeconds(lastActivity), ClientTraits.None, 0, null, ServingState.NotApplicable, Room: room);

    private static RoomView Room(string name) =>
        new(name, true, false, ChatMode.Relay, null, [], T0, null, true, AutoReply.Off, null, 0);

    private static DashboardView View(IReadOnlyList<RoomView> rooms, params SessionSnapshot[] sessions) =>
        new(T0, rooms, sessions, 0, [], [], 0);

    private static long[] Ids(IEnumerable<SessionSnapshot> rows) => [.. rows.Select(s => s.Id)];

    [Fact]
    public void Shows_the_order_of_arrival_until_the_teacher_picks_another()
    {
        var query = new ConnectionsQuery();

        Assert.Equal([2, 3, 1], Ids(query.Apply([Session(1, "10.0.0.1", 1, since: 9), Session(2, "10.0.0.2", 1, since: 1), Session(3, "10.0.0.3", 1, since: 5)])));
    }

    [Fact]
    public void Sorts_addresses_as_numbers_then_by_port_and_reverses_on_a_second_click()
    {
        var query = new ConnectionsQuery();
        SessionSnapshot[] rows = [Session(1, "127.0.0.10", 5000), Session(2, "127.0.0.9", 6000), Session(3, "127.0.0.9", 5000), Session(4, "::1", 4000)];

        query.SortBy(ConnectionSorts.Ip);
        Assert.Equal([3, 2, 1, 4], Ids(query.Apply(rows)));
        query.SortBy(ConnectionSorts.Ip);
        Assert.True(query.Descending);
        Assert.Equal([4, 1, 2, 3], Ids(query.Apply(rows)));
    }

    [Fact]
    public void Another_header_sorts_ascending_and_ties_keep_the_order_of_arrival_either_way()
    {
        var query = new ConnectionsQuery();
        SessionSnapshot[] rows = [Session(1, "10.0.0.1", 1, linesIn: 4), Session(2, "10.0.0.2", 1, linesIn: 0), Session(3, "10.0.0.3", 1, linesIn: 4)];
        query.SortBy(ConnectionSorts.Ip);
        query.SortBy(ConnectionSorts.Ip);

        query.SortBy(ConnectionSorts.LinesIn);
        Assert.False(query.Descending);
        Assert.Equal([2, 1, 3], Ids(query.Apply(rows)));
        query.SortBy(ConnectionSorts.LinesIn);
        Assert.Equal([1, 3, 2], Ids(query.Apply(rows)));
    }

    [Fact]
    public void Sorts_by_last_activity_newest_first_on_a_second_click()
    {
        var query = new ConnectionsQuery();
        query.SortBy(ConnectionSorts.LastActivity);
        query.SortBy(ConnectionSorts.LastActivity);

        Assert.Equal([2, 3, 1], Ids(query.Apply([Session(1, "10.0.0.1", 1, lastActivity: 1), Session(2, "10.0.0.2", 1, lastActivity: 30), Session(3, "10.0.0.3", 1, lastActivity: 7)])));
    }

    [Theory]
    [InlineData("", new long[] { 1, 2, 3 })]
    [InlineData(" 0.12 ", new long[] { 2 })]
    [InlineData("51000", new long[] { 3 })]
    [InlineData("127.0.0.11:5", new long[] { 1 })]
    [InlineData("FE80", new long[] { 3 })]
    [InlineData("10.9.9.9", new long[0])]
    public void Filters_on_the_address_and_port_ignoring_case(string filter, long[] shown)
    {
        var query = new ConnectionsQuery { Filter = filter };

        Assert.Equal(shown, Ids(query.Apply([Session(1, "127.0.0.11", 50001), Session(2, "127.0.0.12", 50002), Session(3, "fe80::1", 51000)])));
    }

    [Fact]
    public void A_further_search_field_is_all_a_new_column_needs_for_the_filter()
    {
        // What a roster column adds: its text as one more field (here a made-up name by session id).
        var query = new ConnectionsQuery { SearchFields = [.. ConnectionsQuery.AddressFields, s => s.Id == 2 ? "Zoé Martin" : null], Filter = "zoé" };

        Assert.Equal([2], Ids(query.Apply([Session(1, "127.0.0.11", 50001), Session(2, "127.0.0.12", 50002)])));
    }

    [Fact]
    public void One_room_makes_one_group_without_a_header()
    {
        var groups = new ConnectionsQuery().Groups(View([Room("main")], Session(1, "10.0.0.1", 1)));

        var group = Assert.Single(groups);
        Assert.Null(group.Room);
        Assert.Equal([1], Ids(group.Sessions));
    }

    [Fact]
    public void Several_rooms_group_the_rows_in_the_rooms_order_and_leave_out_rooms_without_a_row_shown()
    {
        var query = new ConnectionsQuery();
        query.SortBy(ConnectionSorts.Ip);
        var view = View([Room("ex1"), Room("ex2"), Room("ex3")],
            Session(1, "10.0.0.9", 1, room: "ex3"), Session(2, "10.0.0.5", 1, room: "ex1"), Session(3, "10.0.0.1", 1, room: "ex3"), Session(4, "10.0.0.7", 1, room: "ex2"));

        Assert.Equal([("ex1", new long[] { 2 }), ("ex2", [4]), ("ex3", [3, 1])], query.Groups(view).Select(g => (g.Room!.Name, Ids(g.Sessions))));
        query.Filter = "10.0.0.9";
        Assert.Equal(["ex3"], query.Groups(view).Select(g => g.Room!.Name));
    }
}
