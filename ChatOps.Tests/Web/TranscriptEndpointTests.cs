using System.Net;
using System.Text.Json;
using ChatOps.History.Export;
using ChatOps.History.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>The transcript downloads through the real host: signed in only, named after the session, text kept as data.</summary>
[Collection(WebHostGroup.Name)]
public sealed class TranscriptEndpointTests(WebHostFixture host)
{
    private const string Script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private const string Commas = "a,b \"quoted\", c";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Csv_and_json_downloads_are_named_after_the_session_and_keep_payloads_as_data()
    {
        await using var client = await host.ConnectAsync();
        await HistoryWait.SendAndStoreAsync(host.Services, client, Script, Commas);
        var session = (await host.Services.GetRequiredService<HistoryQueries>().ListSessionsAsync(0, 1, Ct)).Items[0];
        using var http = SignIn.Client(host.BaseAddress, host.Cookies);

        using var csv = await http.GetAsync(new Uri($"/history/sessions/{session.Id}/transcript.csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        AssertAttachment(csv, TranscriptExport.FileName(session, "csv"));
        var csvText = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"a,b \"\"quoted\"\", c\"", csvText, StringComparison.Ordinal);
        Assert.Contains(Script, csvText, StringComparison.Ordinal);

        using var json = await http.GetAsync(new Uri($"/history/sessions/{session.Id}/transcript.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        AssertAttachment(json, TranscriptExport.FileName(session, "json"));
        var jsonText = await json.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain('<', jsonText);
        using var document = JsonDocument.Parse(jsonText);
        var texts = document.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains(Script, texts);
        Assert.Contains(Commas, texts);
    }

    [Fact]
    public async Task Downloads_require_sign_in_and_an_existing_session()
    {
        using var anonymous = SignIn.Client(host.BaseAddress, new CookieContainer());
        using var refused = await anonymous.GetAsync(new Uri("/history/sessions/1/transcript.csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var http = SignIn.Client(host.BaseAddress, host.Cookies);
        using var missing = await http.GetAsync(new Uri("/history/sessions/999999/transcript.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static void AssertAttachment(HttpResponseMessage response, string fileName)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
    }
}
