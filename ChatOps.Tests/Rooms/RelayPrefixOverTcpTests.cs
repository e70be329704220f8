using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Rooms;

/// <summary>Chat:RelayPrefix over real loopback sockets: what students read before a relayed line.</summary>
public sealed class RelayPrefixOverTcpTests
{
    [Theory]
    [InlineData("ip", "[127.0.0.1] bonjour")]
    [InlineData("name", "[Alice Martin] bonjour")]
    [InlineData("IP+Name", "[127.0.0.1 Alice Martin] bonjour")]
    public async Task The_relay_names_the_sender_as_the_option_says(string prefix, string expected)
    {
        var names = new FakeNames();
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o => o.RelayPrefix = prefix, names: names);
        var alice = await chat.ConnectJoinedAsync();
        var bob = await chat.ConnectJoinedAsync();
        names.Set(alice.LocalEndPoint, "Alice Martin");

        await alice.SendLineAsync("bonjour");

        Assert.Equal(expected, await bob.ReadUntilAsync(l => l.EndsWith("bonjour", StringComparison.Ordinal)));
        if (prefix == "ip")
            Assert.Equal(0, names.Lookups);
    }

    [Theory]
    [InlineData("name", "[127.0.0.1] one", "[Alice] two", "[127.0.0.1] four")]
    [InlineData("ip+name", "[127.0.0.1] one", "[127.0.0.1 Alice] two", "[127.0.0.1] four")]
    public async Task A_name_typed_while_connected_shows_from_the_next_line_and_removing_it_brings_the_ip_back(string prefix, string before, string named, string after)
    {
        var names = new FakeNames();
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o => o.RelayPrefix = prefix, names: names);
        var alice = await chat.ConnectJoinedAsync();
        var bob = await chat.ConnectJoinedAsync();

        await alice.SendLineAsync("one");
        Assert.Equal(before, await bob.ReadUntilAsync(l => l.EndsWith("one", StringComparison.Ordinal)));
        names.Set(alice.LocalEndPoint, "Alice");
        await alice.SendLineAsync("two");
        Assert.Equal(named, await bob.ReadUntilAsync(l => l.EndsWith("two", StringComparison.Ordinal)));
        var lookups = names.Lookups;
        await alice.SendLineAsync("three");
        await bob.ReadUntilAsync(l => l.EndsWith("three", StringComparison.Ordinal));
        Assert.Equal(lookups, names.Lookups); // the prefix is encoded again only when a name changed
        names.Set(alice.LocalEndPoint, null);
        await alice.SendLineAsync("four");
        Assert.Equal(after, await bob.ReadUntilAsync(l => l.EndsWith("four", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Bob] [10.0.0.9")]
    [InlineData("Bob\n[10.0.0.9] fake")]
    [InlineData("\u202eboB")]
    [InlineData("   ")]
    public async Task A_name_that_could_pass_for_another_line_is_not_relayed(string hostile)
    {
        var names = new FakeNames();
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o => o.RelayPrefix = "name", names: names);
        var alice = await chat.ConnectJoinedAsync();
        var bob = await chat.ConnectJoinedAsync();
        names.Set(alice.LocalEndPoint, hostile);

        await alice.SendLineAsync("salut");

        Assert.Equal("[127.0.0.1] salut", await bob.ReadUntilAsync(l => l.EndsWith("salut", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("names")]
    [InlineData("ip,name")]
    public void A_wrong_value_stops_the_start_with_the_key_named(string value)
    {
        var errors = ChatOptionsValidator.Errors(new ChatOptions { RelayPrefix = value }).ToList();
        Assert.Equal($"Chat:RelayPrefix must be one of ip, name, ip+name (got '{value}').", Assert.Single(errors));
    }
}
