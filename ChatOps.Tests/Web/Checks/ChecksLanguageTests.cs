using System.Globalization;
using Bunit;
using ChatOps.Web.Checks;
using ChatOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web.Checks;

/// <summary>The Checks page's own words (the form's and the import's mistakes, the rows' states) in French and in English.</summary>
public sealed class ChecksLanguageTests : HistoryPageTest
{
    public ChecksLanguageTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddOptions<GradingOptions>();
        Services.AddScoped<GradingBoard>();
        AddAuthorization().SetAuthorized("prof");
    }

    [Theory]
    [InlineData("fr", "Vérifier la classe", "le port doit être un nombre de 1 à 65535 (reçu « 99999 »)", "pas lancé",
        "ligne 3 : l'exercice doit être echo, sync, async ou relay (reçu « chat »)", "class.csv : 1 serveur(s) ajouté(s)")]
    [InlineData("en", "Check the class", "the port must be a number from 1 to 65535 (got \"99999\")", "idle",
        "line 3: the exercise must be echo, sync, async or relay (got \"chat\")", "class.csv: 1 server(s) added")]
    public async Task The_form_the_import_and_the_grid_speak_the_pages_language(string language, string runAll, string badPort, string idle, string badLine, string imported)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var page = Render<ChecksPage>();
        Assert.Equal(runAll, page.Find("#run-all").TextContent.Trim());

        await page.InvokeAsync(() => page.Find("input#target-student").Change("Marie"));
        await page.InvokeAsync(() => page.Find("input#target-host").Change("192.168.1.21"));
        await page.InvokeAsync(() => page.Find("input#target-port").Change("99999"));
        await page.InvokeAsync(() => page.Find("#target-add").Click());
        Assert.Equal(badPort, page.Find("#target-problems li").TextContent);

        await page.InvokeAsync(() => page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "student,host,port,exercise\nalice,127.0.0.1,5000,echo\ncarol,127.0.0.1,5001,chat\n", "class.csv")));
        page.WaitForAssertion(() => Assert.Equal(badLine, page.Find("#target-problems li").TextContent));
        Assert.Equal(imported, page.Find("#target-imported").TextContent);
        var row = page.Find("tr.grading-row");
        // The state's word is the page's; its attribute, for tests and styles, stays the same.
        Assert.Equal((idle, "idle"), (row.QuerySelector("td.row-state")!.TextContent, row.GetAttribute("data-state")));
    }
}
