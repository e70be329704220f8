using System.Globalization;
using Bunit;
using ChatOps.History.Options;
using ChatOps.TcpEngine;
using ChatOps.Web.Components.Join;
using ChatOps.Web.Components.Projector;
using ChatOps.Web.Join;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChatOps.Tests.Web.Join;

/// <summary>The join page's and the projector's parts in French and in English: the words change, the commands do not.</summary>
public sealed class JoinComponentsLanguageTests : BunitContext
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-no-client-").FullName;

    public JoinComponentsLanguageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(new ClientFolder(Microsoft.Extensions.Options.Options.Create(new JoinOptions { ClientPath = _folder }),
            Microsoft.Extensions.Options.Options.Create(new HistoryOptions())));
    }

    [Theory]
    [InlineData("fr", "Salle ex1", "port 7071 · ouverte", "Votre propre programme", "Si 192.168.1.23 ne répond pas, le serveur est aussi à l'adresse 10.0.0.5.")]
    [InlineData("en", "Room ex1", "port 7071 · open", "Your own program", "If 192.168.1.23 does not answer, the server is also at 10.0.0.5.")]
    public void A_room_card_speaks_the_pages_language_and_keeps_the_commands(string language, string title, string open, string own, string others)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

        var card = Render<JoinRoomCard>(p => p.Add(c => c.Room, new JoinRoom("ex1", ChatMode.Relay, 7071, true, ["192.168.1.23", "10.0.0.5"])));

        Assert.Equal(title, card.Find("h5").TextContent);
        Assert.Contains(card.FindAll(".mud-chip"), c => c.TextContent.Trim() == open);
        Assert.Contains(card.FindAll("p"), p => p.TextContent.Trim() == others);
        var sentence = card.FindAll("p").Single(p => p.TextContent.Contains(own, StringComparison.Ordinal));
        // The words to type stay words to type, as code, in both languages.
        Assert.Equal(["bye", "arret", "* "], sentence.QuerySelectorAll("code").Select(c => c.TextContent));
        Assert.Equal(["chatops connect 192.168.1.23 7071", "nc 192.168.1.23 7071", "telnet 192.168.1.23 7071"],
            card.FindAll(".join-command").Select(c => c.TextContent));
    }

    [Theory]
    [InlineData("fr", "Le client chatops", "Pas encore de client")]
    [InlineData("en", "The chatops client", "No client builds here yet")]
    public void The_downloads_say_how_to_make_the_client_in_the_pages_language(string language, string title, string none)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

        var downloads = Render<ClientDownloads>();

        Assert.Equal(title, downloads.Find("h5").TextContent);
        var missing = downloads.Find("#join-no-builds");
        Assert.Contains(none, missing.TextContent, StringComparison.Ordinal);
        Assert.Equal([ClientFolder.Script, "nc", "telnet"], missing.QuerySelectorAll("code").Select(c => c.TextContent));
    }

    [Theory]
    [InlineData("fr", "Salle ex3", "connectés", "Derniers messages", "Aucun message pour l'instant.", "Fermée pour l'instant")]
    [InlineData("en", "Room ex3", "connected", "Last messages", "No message yet.", "Closed for now")]
    public void The_projector_speaks_the_pages_language_and_keeps_the_commands(string language, string room, string connected, string last, string none, string closed)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

        var open = Render<ProjectorRoom>(p => p.Add(c => c.Room, new JoinRoom("ex3", ChatMode.Relay, 7074, true, ["192.168.1.23"])).Add(c => c.Clients, 12));
        var shut = Render<ProjectorRoom>(p => p.Add(c => c.Room, new JoinRoom("ex2", ChatMode.Sync, 0, false, ["192.168.1.23"])));
        var messages = Render<ProjectorMessages>(p => p.Add(c => c.Lines, []));

        Assert.Equal(room, open.Find("h4").TextContent);
        Assert.Equal(connected, open.Find(".projector-count-label").TextContent);
        Assert.Equal(["nc 192.168.1.23 7074", "telnet 192.168.1.23 7074", "chatops connect 192.168.1.23 7074"],
            open.FindAll(".projector-command").Select(c => c.TextContent));
        Assert.StartsWith(closed, shut.Find(".projector-closed").TextContent, StringComparison.Ordinal);
        Assert.Equal(last, messages.Find("h5").TextContent);
        Assert.Equal(none, messages.Find(".empty-hint").TextContent);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Directory.Delete(_folder, recursive: true);
    }
}
