using System.Globalization;
using Bunit;
using ChatOps.Web.Components.Dashboard;

namespace ChatOps.Tests.Web;

/// <summary>The dashboard's components in French (a browser that asks for it); the other tests read them in English.</summary>
public sealed class FrenchDashboardTests : DashboardTest
{
    // Set in the test's own flow: the first render runs in it, as a circuit's renders run in the request's culture.
    private static void French() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public void The_connections_table_and_the_details_speak_French()
    {
        French();
        var table = Render<ConnectionsTable>();
        var details = Render<ClientDetails>();

        Assert.Contains("Connexions", table.Find("#connections h6").TextContent, StringComparison.Ordinal);
        Assert.Contains(table.Find("#no-connections").TextContent.Trim(),
            (string[])["Aucun client pour l'instant. Les étudiants se connectent avec la commande affichée plus haut.", "Le serveur est arrêté."]);
        Assert.Equal("Choisissez un client dans le tableau pour voir ses diagnostics et ses dernières lignes.", details.Find(".empty-hint").TextContent.Trim());
    }

    [Fact]
    public void The_operator_box_and_the_mode_sentence_speak_French_and_keep_the_mode_names()
    {
        French();
        var box = Render<OperatorBox>();
        var modes = Render<ModeSwitch>();

        Assert.Equal("Envoyer", box.Find("#operator-send").TextContent.Trim());
        Assert.Contains("tout le monde", box.Find("#operator-target").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Exercice 3 (multi-clients)", modes.Find("#mode-sentence").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("relay", modes.Find(".mode-relay").TextContent.Trim());
    }

    [Fact]
    public async Task The_mirror_says_the_servers_own_words_in_French_and_keeps_what_students_typed()
    {
        French();
        var mirror = Render<MessageMirror>();

        await using var client = await ConnectAsync();
        await client.SendLineAsync("connected (port 1)");

        var port = client.LocalEndPoint.Port;
        mirror.WaitForAssertion(() => Assert.Contains(mirror.FindAll(".mirror-line .text"), t => t.TextContent == $"connecté (port {port})"), TimeSpan.FromSeconds(10));
        mirror.WaitForAssertion(() => Assert.Contains(mirror.FindAll(".mirror-line .text"), t => t.TextContent == "connected (port 1)"), TimeSpan.FromSeconds(10));
    }
}
