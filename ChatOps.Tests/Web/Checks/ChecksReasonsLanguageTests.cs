using System.Globalization;
using Bunit;
using ChatOps.Tests.Check;
using ChatOps.Web.Checks;
using ChatOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web.Checks;

/// <summary>The checks' reasons on the Checks page, in the page's language: a real run against a student-style server that dies on bye.</summary>
public sealed class ChecksReasonsLanguageTests : HistoryPageTest
{
    private static readonly TimeSpan RunWait = TimeSpan.FromSeconds(90);

    public ChecksReasonsLanguageTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddOptions<GradingOptions>().Configure(o => o.Timeout = TimeSpan.FromSeconds(2));
        Services.AddScoped<GradingBoard>();
        AddAuthorization().SetAuthorized("prof");
    }

    [Fact]
    public async Task A_French_page_shows_every_reason_in_French_in_the_grid_and_the_detail()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        await using var server = await StudentServer.StartAsync("echo.py", "--fault", "dies-on-bye");
        var page = Render<ChecksPage>();
        var board = page.Services.GetRequiredService<GradingBoard>();
        Assert.True(board.Add([new GradingTarget("bob", "127.0.0.1", server.Port, TcpEngine.ChatMode.Echo)]));

        Assert.True(await board.RunAllAsync("prof").WaitAsync(RunWait, Xunit.TestContext.Current.CancellationToken));
        await page.InvokeAsync(() => { });

        string? Title(string check) => page.Find($"tr.grading-row td.cell[data-check='{check}']").GetAttribute("title");
        Assert.Matches(@"^la connexion a été acceptée en \d+ ms$", Title("connect"));
        Assert.Matches(@"^un message de \d+ octets, écrit en 3 morceaux à 50 ms d'intervalle, a été traité comme un seul$", Title("split_message"));
        Assert.Equal("non lancé : le serveur n'acceptait plus de connexions après bye (connexion refusée)", Title("churn"));
        Assert.Equal("non envoyé : ajoutez --arret pour le vérifier (cela arrête votre serveur)", Title("arret"));

        await page.InvokeAsync(() => page.Find("tr.grading-row td.cell[data-check='bye']").Click());
        var detail = page.Find("#detail-reason");
        Assert.Equal(Title("bye"), detail.TextContent);
        Assert.StartsWith("Bye.", detail.GetAttribute("data-reason-key"), StringComparison.Ordinal);
        Assert.StartsWith("après ", detail.TextContent, StringComparison.Ordinal);
    }
}
