using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Tests.Rooms;

/// <summary>Chat:Rooms as configuration gives it: bound, checked key by key, and turned into one set of options per room.</summary>
public sealed class RoomOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void Rooms_bind_from_configuration_and_inherit_every_other_limit()
    {
        var configuration = Config(
            ("Chat:Mode", "sync"), ("Chat:MaxClients", "40"), ("Chat:AutoReply", "echo"),
            ("Chat:Rooms:ex3:Port", "7074"), ("Chat:Rooms:ex3:Mode", "relay"),
            ("Chat:Rooms:ex1:Port", "7071"), ("Chat:Rooms:ex1:Mode", "echo"),
            ("Chat:Rooms:ex2:Port", "7072"), ("Chat:Rooms:ex2:AutoReply", "text:vu"));
        var options = configuration.GetSection("Chat").Get<ChatOptions>()!;

        Assert.Empty(ChatOptionsValidator.Errors(options));
        Assert.Empty(ConfigurationCheck.Problems<ChatOptions>(configuration, "Chat"));
        var rooms = options.RoomList();
        Assert.Equal(["ex1", "ex2", "ex3"], rooms.Select(r => r.Name));
        Assert.Equal([7071, 7072, 7074], rooms.Select(r => r.Options.Port));
        Assert.Equal([ChatMode.Echo, ChatMode.Sync, ChatMode.Relay], rooms.Select(r => r.Options.Mode));
        Assert.Equal(["echo", "text:vu", "echo"], rooms.Select(r => r.Options.AutoReply));
        Assert.All(rooms, r => Assert.Equal(40, r.Options.MaxClients));
        Assert.All(rooms, r => Assert.Empty(r.Options.Rooms));
    }

    [Fact]
    public void Without_rooms_one_room_named_main_keeps_chat_port_and_mode()
    {
        var options = new ChatOptions { Port = 7080, Mode = ChatMode.Echo };
        var (name, room) = Assert.Single(options.RoomList());
        Assert.Equal(ChatOptions.DefaultRoomName, name);
        Assert.Same(options, room);
        Assert.Equal(ArretScope.Room, options.ArretScope);
        Assert.Equal("off", options.AutoReply);
    }

    [Fact]
    public void A_typo_inside_a_room_is_named_with_the_closest_key()
    {
        var configuration = Config(("Chat:Rooms:ex1:Prot", "7071"), ("Chat:Rooms:ex1:Mode", "rely"));

        var problems = ConfigurationCheck.Problems<ChatOptions>(configuration, "Chat").ToList();

        Assert.Contains("Chat:Rooms:ex1:Prot is not a setting; did you mean Chat:Rooms:ex1:Port?", problems);
        Assert.Contains(problems, p => p.StartsWith("Chat:Rooms:ex1:Mode must be one of echo, sync, async, relay", StringComparison.Ordinal));
    }

    [Fact]
    public void Rooms_without_a_port_sharing_a_port_badly_named_or_with_a_bad_auto_reply_are_each_one_line()
    {
        var options = new ChatOptions();
        options.Rooms["ex1"] = new RoomOptions { Port = 7071 };
        options.Rooms["ex2"] = new RoomOptions { Port = 7071 };
        options.Rooms["no port"] = new RoomOptions();
        options.Rooms["ex4"] = new RoomOptions { Port = 7074, AutoReply = "sometimes" };

        var errors = ChatOptionsValidator.Errors(options).ToList();

        Assert.Contains("Chat:Rooms:ex2:Port 7071 is already the port of room ex1.", errors);
        Assert.Contains(errors, e => e.StartsWith("Chat:Rooms:no port: a room name is", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Chat:Rooms:no port:Port must be set", StringComparison.Ordinal));
        Assert.Contains("Chat:Rooms:ex4:AutoReply must be off, echo or text:<reply> (got 'sometimes').", errors);
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain('\n', e));
    }

    [Theory]
    [InlineData("off", AutoReplyKind.Off, "")]
    [InlineData("ECHO", AutoReplyKind.Echo, "")]
    [InlineData("text: Bien reçu ", AutoReplyKind.Text, "Bien reçu")]
    [InlineData("", AutoReplyKind.Off, "")]
    public void Auto_replies_parse_and_print_back(string value, AutoReplyKind kind, string text)
    {
        Assert.True(AutoReply.TryParse(value, out var reply));
        Assert.Equal((kind, text), (reply.Kind, reply.Text));
        Assert.True(AutoReply.TryParse(reply.ToString(), out var again));
        Assert.Equal(reply, again);
    }

    [Theory]
    [InlineData("text:")]
    [InlineData("text:   ")]
    [InlineData("yes")]
    public void An_auto_reply_that_says_nothing_is_refused(string value) => Assert.False(AutoReply.TryParse(value, out _));
}
