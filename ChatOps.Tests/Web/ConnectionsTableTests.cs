using System.Globalization;
using System.Net;
using Bunit;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Dashboard;

namespace ChatOps.Tests.Web;

public sealed class ConnectionsTableTests : DashboardTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    // Short, so the "unfinished line" chip shows within the test's time; the default (5 s) is for classrooms.
    protected override void Configure(DashboardOptions dashboard, ChatOptions chat) => dashboard.UnfinishedLineWarning = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Shows_each_connected_client_and_removes_it_when_it_leaves()
    {
        var table = Render<ConnectionsTable>();
        var a = await ConnectAsync();
        await using var b = await ConnectAsync();

        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("tr.session-row").Count), Timeout);
        var rows = table.FindAll("tr.session-row");
        Assert.All(rows, r => Assert.Equal("127.0.0.1", r.QuerySelector("td.ip")!.TextContent));
        Assert.Equal(
            new[] { a.LocalEndPoint.Port, b.LocalEndPoint.Port }.Order(),
            rows.Select(r => int.Parse(r.Children[2].TextContent, CultureInfo.InvariantCulture)).Order());

        await a.DisposeAsync();
        table.WaitForAssertion(() => Assert.Equal(SessionIdOf(b).ToString(CultureInfo.InvariantCulture), table.Find("tr.session-row").GetAttribute("data-session")), Timeout);
    }

    [Fact]
    public async Task Counts_the_lines_a_client_sends_and_shows_its_line_ending()
    {
        var table = Render<ConnectionsTable>();
        await using var client = await ConnectAsync();
        await client.SendAsync("one\r\ntwo\r\nthree\r\n"u8.ToArray());

        table.WaitForAssertion(() =>
        {
            var row = table.Find($"tr[data-session='{SessionIdOf(client)}']");
            Assert.Equal("3", row.Children[4].TextContent);
            Assert.Contains("CRLF", row.Children[7].TextContent, StringComparison.Ordinal);
        }, Timeout);
    }

    [Fact]
    public async Task Flags_a_line_left_without_its_newline_by_a_telnet_client()
    {
        // A telnet client's lines end at its Enter only (a pause would make anyone else's bytes a message).
        var table = Render<ConnectionsTable>();
        await using var client = await ConnectAsync();
        await client.SendAsync((byte[])[255, 251, 24, .. "no newline yet"u8]);

        table.WaitForAssertion(() =>
            Assert.Contains("unfinished line for", table.Find($"tr[data-session='{SessionIdOf(client)}']").TextContent, StringComparison.Ordinal), Timeout);
    }

    [Fact]
    public async Task Kick_disconnects_only_the_clicked_client_with_a_notice()
    {
        var table = Render<ConnectionsTable>();
        await using var stays = await ConnectAsync();
        await using var kicked = await ConnectAsync();
        table.WaitForAssertion(() => table.Find($"tr[data-session='{SessionIdOf(kicked)}'] button.kick-button"), Timeout);

        await table.ClickAsync($"tr[data-session='{SessionIdOf(kicked)}'] button.kick-button");

        var lines = await kicked.ReadToEndAsync();
        Assert.Contains(lines, l => l.Contains("disconnected by the teacher", StringComparison.Ordinal));
        Assert.Equal([SessionIdOf(stays)], Engine.GetSessions().Select(s => s.Id));
    }

    [Fact]
    public async Task Clicking_a_row_selects_that_client()
    {
        long? selected = null;
        var table = Render<ConnectionsTable>(p => p.Add(t => t.SelectedIdChanged, id => selected = id));
        await using var client = await ConnectAsync();
        table.WaitForAssertion(() => table.Find($"tr[data-session='{SessionIdOf(client)}']"), Timeout);

        await table.ClickAsync($"tr[data-session='{SessionIdOf(client)}']");

        Assert.Equal(SessionIdOf(client), selected);
    }

    [Fact]
    public async Task The_message_button_selects_the_client_and_asks_for_a_private_line()
    {
        long? selected = null;
        long? messaged = null;
        var table = Render<ConnectionsTable>(p => p
            .Add(t => t.SelectedIdChanged, id => selected = id)
            .Add(t => t.OnMessage, id => messaged = id));
        await using var client = await ConnectAsync();
        table.WaitForAssertion(() => table.Find($"tr[data-session='{SessionIdOf(client)}'] button.message-button"), Timeout);

        await table.ClickAsync($"tr[data-session='{SessionIdOf(client)}'] button.message-button");

        Assert.Equal(SessionIdOf(client), selected);
        Assert.Equal(SessionIdOf(client), messaged);
    }

    [Fact]
    public async Task A_header_click_sorts_the_rows_and_a_second_click_reverses_them()
    {
        var table = Render<ConnectionsTable>();
        await using var late = await ConnectAsync(from: IPAddress.Parse("127.0.0.12"));
        await using var early = await ConnectAsync(from: IPAddress.Parse("127.0.0.9"));
        table.WaitForAssertion(() => Assert.Equal(["127.0.0.12", "127.0.0.9"], Ips(table)), Timeout);

        await table.ClickAsync("th[data-sort=ip] button");
        table.WaitForAssertion(() => Assert.Equal(["127.0.0.9", "127.0.0.12"], Ips(table)), Timeout);
        Assert.Equal("ascending", table.Find("th[data-sort=ip]").GetAttribute("aria-sort"));

        await table.ClickAsync("th[data-sort=ip] button");
        table.WaitForAssertion(() => Assert.Equal(["127.0.0.12", "127.0.0.9"], Ips(table)), Timeout);
        Assert.Equal("descending", table.Find("th[data-sort=ip]").GetAttribute("aria-sort"));
        Assert.Equal("none", table.Find("th[data-sort=since]").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task The_filter_shows_the_rows_whose_address_or_port_matches_and_says_when_none_does()
    {
        var table = Render<ConnectionsTable>();
        await using var alice = await ConnectAsync(from: IPAddress.Parse("127.0.0.11"));
        await using var bob = await ConnectAsync(from: IPAddress.Parse("127.0.0.12"));
        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("tr.session-row").Count), Timeout);

        await table.InputAsync("#connections input[type=text]", "0.12");
        table.WaitForAssertion(() => Assert.Equal(["127.0.0.12"], Ips(table)), Timeout);
        Assert.Equal("1 / 2", table.Find("#connections-count").TextContent.Trim());

        await table.InputAsync("#connections input[type=text]", bob.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture));
        table.WaitForAssertion(() => Assert.Equal(["127.0.0.12"], Ips(table)), Timeout);

        await table.InputAsync("#connections input[type=text]", "10.1.2.3");
        table.WaitForAssertion(() => Assert.Equal("No connection matches the filter.", table.Find("#connections-no-match").TextContent), Timeout);
        Assert.Empty(table.FindAll("tr.session-row"));
    }

    private static string[] Ips(IRenderedComponent<ConnectionsTable> table) => [.. table.FindAll("tr.session-row td.ip").Select(td => td.TextContent)];
}

/// <summary>With several rooms the table groups its rows under a header per room, in the room bar's order.</summary>
public sealed class ConnectionsTableRoomsTests : DashboardTest
{
    protected override void Configure(DashboardOptions dashboard, ChatOptions chat)
    {
        chat.Rooms["ex1"] = new RoomOptions { Port = 0, Mode = ChatOps.TcpEngine.ChatMode.Echo };
        chat.Rooms["ex2"] = new RoomOptions { Port = 0, Mode = ChatOps.TcpEngine.ChatMode.Relay };
        chat.Rooms["ex3"] = new RoomOptions { Port = 0, Mode = ChatOps.TcpEngine.ChatMode.Relay };
    }

    [Fact]
    public async Task Groups_the_rows_by_room_and_sorts_within_each_room()
    {
        var table = Render<ConnectionsTable>();
        await using var a = await ConnectAsync("ex3", IPAddress.Parse("127.0.0.13"));
        await using var b = await ConnectAsync("ex1", IPAddress.Parse("127.0.0.12"));
        await using var c = await ConnectAsync("ex3", IPAddress.Parse("127.0.0.11"));

        table.WaitForAssertion(() => Assert.Equal(3, table.FindAll("tr.session-row").Count), LineReader.DefaultTimeout);
        Assert.Equal(["ex1", "ex3"], table.FindAll("tr.room-group").Select(r => r.GetAttribute("data-room")));
        Assert.Contains("1 clients", table.Find("tr.room-group[data-room=ex1]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["room-group:ex1", "127.0.0.12", "room-group:ex3", "127.0.0.13", "127.0.0.11"], Rows(table));

        await table.ClickAsync("th[data-sort=ip] button");
        table.WaitForAssertion(() => Assert.Equal(["room-group:ex1", "127.0.0.12", "room-group:ex3", "127.0.0.11", "127.0.0.13"], Rows(table)), LineReader.DefaultTimeout);
    }

    private static string[] Rows(IRenderedComponent<ConnectionsTable> table) =>
        [.. table.FindAll("tbody tr").Select(r => r.ClassList.Contains("room-group") ? $"room-group:{r.GetAttribute("data-room")}" : r.QuerySelector("td.ip")!.TextContent)];
}
