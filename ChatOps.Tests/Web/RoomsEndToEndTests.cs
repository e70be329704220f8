using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>Several rooms in the real host: the room bar, per-room controls, the auto-reply, and the hub, in a real Chromium.</summary>
public sealed class RoomsEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Rooms => new()
    {
        ["Chat:Rooms:ex1:Port"] = "0",
        ["Chat:Rooms:ex1:Mode"] = "echo",
        ["Chat:Rooms:ex2:Port"] = "0",
        ["Chat:Rooms:ex2:Mode"] = "sync",
        ["Chat:Rooms:ex3:Port"] = "0",
        ["Chat:Rooms:ex3:Mode"] = "relay",
    };

    [Fact]
    public async Task The_teacher_picks_a_room_turns_its_auto_reply_on_stops_it_and_then_stops_the_class()
    {
        await using var factory = new ChatOpsWebFactory(Rooms);
        factory.StartServer();
        var server = factory.Services.GetRequiredService<ChatServer>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WebHostFixture.LaunchChromiumAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, factory.ServerAddress());

        await Expect(page.Locator("#room-bar .room-button")).ToHaveCountAsync(3);
        await Expect(page.Locator("#stat-mode")).ToContainTextAsync("echo");
        await using var syncClient = await TcpTestClient.ConnectAsync(server.Room("ex2")!.LocalEndPoint!);
        await using var relayClient = await TcpTestClient.ConnectAsync(server.Room("ex3")!.LocalEndPoint!);
        await Expect(page.Locator("#connections tr.room-group .room-name")).ToHaveTextAsync(["ex2", "ex3"]);
        await Expect(page.Locator("#connections tr.session-row")).ToHaveCountAsync(2);

        await page.Locator("#room-ex2").ClickAsync();
        await Expect(page.Locator("#stat-mode")).ToContainTextAsync("sync");
        await page.Locator("#auto-reply .auto-reply-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "echo the line" }).ClickAsync();
        await Expect(page.Locator("#auto-reply-kind")).ToHaveValueAsync("Echo");
        await syncClient.SendLineAsync("ça répond ?");
        Assert.Equal("ça répond ?", await syncClient.ReadLineAsync());

        await page.Locator("#room-ex3").ClickAsync();
        await Expect(page.Locator("#stat-mode")).ToContainTextAsync("relay");
        await page.Locator("#arret-button").ClickAsync();
        await page.Locator("#arret-confirm").ClickAsync();
        Assert.Contains(await relayClient.ReadToEndAsync(), l => l.StartsWith("* arret", StringComparison.Ordinal));
        await Expect(page.Locator("#engine-state")).ToHaveTextAsync("stopped");
        await Expect(page.Locator("#start-button")).ToBeVisibleAsync();
        Assert.True(server.Room("ex2")!.IsRunning);
        await syncClient.SendLineAsync("toujours là");
        Assert.Equal("toujours là", await syncClient.ReadLineAsync());

        await page.Locator("#class-arret-button").ClickAsync();
        await page.Locator("#arret-confirm").ClickAsync();
        Assert.Contains(await syncClient.ReadToEndAsync(), l => l.StartsWith("* arret", StringComparison.Ordinal));
        await Expect(page.Locator("#class-arret-button")).ToHaveCountAsync(0);
        Assert.False(server.IsRunning);
    }

    [Fact]
    public async Task The_hub_lists_the_rooms_and_names_the_room_of_each_event()
    {
        await using var factory = new ChatOpsWebFactory(Rooms);
        factory.StartServer();
        var baseAddress = new Uri(factory.ServerAddress());
        var cookies = await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password);
        var events = System.Threading.Channels.Channel.CreateUnbounded<HubEvent>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/chatops"), o => o.Cookies = cookies).Build();
        hub.On<HubEvent[]>(nameof(IChatOpsClient.EngineEvents), batch =>
        {
            foreach (var e in batch)
                events.Writer.TryWrite(e);
        });
        await hub.StartAsync(Ct);
        var server = factory.Services.GetRequiredService<ChatServer>();

        var rooms = await hub.InvokeAsync<HubRoom[]>("GetRooms", Ct);
        Assert.Equal(["ex1", "ex2", "ex3"], rooms.Select(r => r.Name));
        Assert.Equal([ChatMode.Echo, ChatMode.Sync, ChatMode.Relay], rooms.Select(r => r.Mode));
        Assert.Equal(server.Rooms.Select(r => (int?)r.LocalEndPoint!.Port), rooms.Select(r => r.Port));

        await using var student = await TcpTestClient.ConnectAsync(server.Room("ex3")!.LocalEndPoint!);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        HubEvent connected;
        do
            connected = await events.Reader.ReadAsync(wait.Token);
        while (connected.Type != "ClientConnected");
        Assert.Equal("ex3", connected.Room);

        Assert.Equal(1, await hub.InvokeAsync<int>("BroadcastTo", "ex3", "à la salle 3", Ct));
        Assert.Equal("[server] à la salle 3", await student.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.True(await hub.InvokeAsync<bool>("ArretRoom", "ex3", Ct));
        Assert.False(await hub.InvokeAsync<bool>("ArretRoom", "ex9", Ct));
        Assert.False(server.Room("ex3")!.IsRunning);
        Assert.True(server.Room("ex1")!.IsRunning);
    }
}
