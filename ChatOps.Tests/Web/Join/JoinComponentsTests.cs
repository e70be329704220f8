using Bunit;
using ChatOps.TcpEngine;
using ChatOps.Web.Components.Join;
using ChatOps.Web.Components.Projector;
using ChatOps.Web.Join;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChatOps.Tests.Web.Join;

/// <summary>The room cards of the join page and of the projector, rendered alone.</summary>
public sealed class JoinComponentsTests : BunitContext
{
    public JoinComponentsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    [Theory]
    [InlineData(ChatMode.Echo, false)]
    [InlineData(ChatMode.Sync, false)]
    [InlineData(ChatMode.Async, true)]
    [InlineData(ChatMode.Relay, true)]
    public void A_room_card_gives_programs_that_wait_for_one_answer_or_read_in_a_thread_as_the_mode_asks(ChatMode mode, bool thread)
    {
        var card = Render<JoinRoomCard>(p => p.Add(c => c.Room, new JoinRoom("ex1", mode, 7071, true, ["192.168.1.23", "10.0.0.5"])));

        Assert.Equal(["chatops connect 192.168.1.23 7071", "nc 192.168.1.23 7071", "telnet 192.168.1.23 7071"],
            card.FindAll(".join-command").Select(c => c.TextContent));
        Assert.Contains("10.0.0.5", card.Markup, StringComparison.Ordinal);
        var snippets = card.FindAll(".join-snippet pre").Select(p => p.TextContent).ToList();
        Assert.Equal(thread, snippets[0].Contains("threading.Thread", StringComparison.Ordinal));
        Assert.Equal(thread, snippets[1].Contains("new Thread", StringComparison.Ordinal));
        Assert.All(snippets, s => Assert.Contains("arret", s, StringComparison.Ordinal));
    }

    [Fact]
    public void A_closed_room_says_so_instead_of_giving_commands()
    {
        var card = Render<ProjectorRoom>(p => p.Add(c => c.Room, new JoinRoom("ex2", ChatMode.Sync, 0, false, ["192.168.1.23"])).Add(c => c.Clients, 0));

        Assert.Empty(card.FindAll(".projector-command"));
        Assert.Contains("Closed for now", card.Find(".projector-closed").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_projector_room_shows_its_count_and_the_commands()
    {
        var card = Render<ProjectorRoom>(p => p.Add(c => c.Room, new JoinRoom("ex3", ChatMode.Relay, 7074, true, ["192.168.1.23"])).Add(c => c.Clients, 12));

        Assert.Equal("12", card.Find("#projector-count-ex3").TextContent);
        Assert.Equal(["nc 192.168.1.23 7074", "telnet 192.168.1.23 7074", "chatops connect 192.168.1.23 7074"],
            card.FindAll(".projector-command").Select(c => c.TextContent));
    }
}
