using ChatOps.TcpEngine;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Modes;

public sealed class RelayModeTests
{
    [Fact]
    public async Task A_newcomer_is_welcomed_and_told_how_many_are_here()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect();
        Assert.Equal("* connected to ChatOps (relay mode), 0 other client(s) here; type bye to leave", await a.ReadLineAsync());
        var b = chat.Connect();
        Assert.StartsWith("* connected to ChatOps (relay mode), 1 other client(s)", await b.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Joins_are_announced_to_the_others_only()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        await a.ReadLineAsync();
        var b = chat.Connect("10.0.0.2");
        Assert.Equal("* 10.0.0.2 joined", await a.ReadLineAsync());
        await b.ReadLineAsync();
        var c = chat.Connect("10.0.0.3");
        Assert.Equal("* 10.0.0.3 joined", await b.ReadLineAsync());
        Assert.Equal("* 10.0.0.3 joined", await a.ReadLineAsync());
        Assert.StartsWith("* connected", await c.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_goes_to_every_other_client_with_the_sender_ip_and_not_back_to_the_sender()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        var b = chat.Connect("10.0.0.2");
        var c = chat.Connect("10.0.0.3");
        await a.SendLineAsync("bonjour");
        Assert.Equal("[10.0.0.1] bonjour", await b.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.Equal("[10.0.0.1] bonjour", await c.ReadUntilAsync(l => l.StartsWith('[')));
        // Sent only once bonjour has arrived: two senders' lines have no order between them.
        await b.SendLineAsync("salut");
        Assert.Equal("[10.0.0.2] salut", await c.ReadUntilAsync(l => l.StartsWith('[')));
        // a's first chat line is b's: its own "bonjour" never came back.
        Assert.Equal("[10.0.0.2] salut", await a.ReadUntilAsync(l => l.StartsWith('[')));
    }

    [Fact]
    public async Task An_IPv4_mapped_address_is_shown_as_plain_IPv4()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        await a.ReadLineAsync();
        var mapped = chat.Connect("::ffff:10.0.0.5");
        Assert.Equal("* 10.0.0.5 joined", await a.ReadLineAsync());
        await mapped.SendLineAsync("coucou");
        Assert.Equal("[10.0.0.5] coucou", await a.ReadLineAsync());
        Assert.Equal("10.0.0.5", chat.Engine.GetSessions().Single(s => s.Id == mapped.Id).Ip);
    }

    [Fact]
    public async Task Bye_gets_a_goodbye_closes_that_client_only_and_is_announced_as_a_leave()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        var b = chat.Connect("10.0.0.2");
        await b.SendLineAsync("BYE");
        Assert.Equal(["* goodbye 10.0.0.2"], (await b.ReadToEndAsync()).Skip(1));
        Assert.Equal("* 10.0.0.2 left", await a.ReadUntilAsync(l => l.EndsWith("left", StringComparison.Ordinal)));
        var c = chat.Connect("10.0.0.3");
        await c.SendLineAsync("still here");
        Assert.Equal("[10.0.0.3] still here", await a.ReadUntilAsync(l => l.StartsWith('[')));
    }

    [Fact]
    public async Task Lines_sent_in_one_write_arrive_in_order_each_with_its_prefix_and_before_the_bye()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        var b = chat.Connect("10.0.0.2");
        await a.ReadUntilAsync(l => l.EndsWith("joined", StringComparison.Ordinal));

        await b.SendAsync("un\ndeux\r\ntrois\nbye\n"u8.ToArray());

        Assert.Equal("[10.0.0.2] un", await a.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.Equal("[10.0.0.2] deux", await a.ReadLineAsync());
        Assert.Equal("[10.0.0.2] trois", await a.ReadLineAsync());
        Assert.Equal("* 10.0.0.2 left", await a.ReadLineAsync());
        // Counted in lines though the three went out as one entry: welcome, joined, un, deux, trois, left.
        Assert.Equal(6, chat.Engine.GetSessions().Single(s => s.Id == a.Id).LinesOut);
    }

    [Fact]
    public async Task A_client_that_disconnects_is_announced_as_a_leave()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        var b = chat.Connect("10.0.0.2");
        await b.CloseAsync();
        Assert.Equal("* 10.0.0.2 left", await a.ReadUntilAsync(l => l.EndsWith("left", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_operator_reaches_everyone_as_server()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect();
        var b = chat.Connect();
        Assert.Equal(2, chat.Engine.Broadcast("silence, please"));
        Assert.Equal("[server] silence, please", await a.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.Equal("[server] silence, please", await b.ReadUntilAsync(l => l.StartsWith('[')));
    }

    [Fact]
    public async Task Escape_sequences_never_reach_the_others()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        var b = chat.Connect("10.0.0.2");
        await a.SendAsync("\u001b[2J\u001b[31mrouge\u0007\0\n"u8.ToArray());
        Assert.Equal("[10.0.0.1] rouge", await b.ReadUntilAsync(l => l.StartsWith('[')));
    }
}
