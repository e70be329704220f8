using System.Net;
using System.Text.Json;
using ChatOps.Grading;
using ChatOps.History.Grading;
using ChatOps.TcpEngine;
using ChatOps.Tests.History;
using ChatOps.Web.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web.Checks;

/// <summary>The grades downloads through the real host: signed in only, the runs asked for in their order, cells kept as data.</summary>
[Collection(WebHostGroup.Name)]
public sealed class GradesEndpointTests(WebHostFixture host)
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Csv_and_json_hold_the_runs_asked_for_in_order_with_formulas_kept_as_text()
    {
        var store = host.Services.GetRequiredService<GradingStore>();
        var alice = await StoreAsync(store, Formula, "echo", ("connect", "pass", "accepted in 3 ms", 4), ("bye", "fail", "closed, \"then\" refused", 900), ("arret", "skip", "not sent", 0));
        var bob = await StoreAsync(store, "bob", "relay", ("connect", "pass", "accepted", 2), ("sender_ip", "fail", "no IP", 1100));
        using var http = SignIn.Client(host.BaseAddress, host.Cookies);

        using var csv = await http.GetAsync(new Uri("/" + GradingEndpoints.CsvPath([bob, alice]), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^chatops-grades-\d{8}-\d{4}\.csv$", csv.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = CsvRows.Parse(await csv.Content.ReadAsStringAsync(Ct));
        var columns = GradingColumns.For([ChatMode.Relay, ChatMode.Echo]);
        Assert.Equal(["student", "exercise", "target", "passed", "failed", "skipped", .. columns], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["bob", "relay", "10.0.0.9:5000", "1", "1", "0"], rows[1][..6]);
        Assert.Equal(["'" + Formula, "echo", "10.0.0.9:5000", "1", "1", "1"], rows[2][..6]);
        Assert.Equal(("pass", "fail", "skip", ""), (Column(rows, 2, "connect"), Column(rows, 2, "bye"), Column(rows, 2, "arret"), Column(rows, 2, "sender_ip")));
        Assert.Equal(("fail", ""), (Column(rows, 1, "sender_ip"), Column(rows, 1, "echo")));

        using var json = await http.GetAsync(new Uri("/" + GradingEndpoints.JsonPath([bob, alice]), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct));
        var reports = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, reports.Count);
        Assert.Equal(["student", "exercise", "target", "language", "checks", "passed", "failed", "skipped"], reports[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal((Formula, "echo", "10.0.0.9:5000", 1, 1, 1), (reports[1].GetProperty("student").GetString(), reports[1].GetProperty("exercise").GetString(),
            reports[1].GetProperty("target").GetString(), reports[1].GetProperty("passed").GetInt32(), reports[1].GetProperty("failed").GetInt32(), reports[1].GetProperty("skipped").GetInt32()));
        var bye = reports[1].GetProperty("checks")[1];
        Assert.Equal(["name", "result", "reason", "reason_key", "reason_args", "ms"], bye.EnumerateObject().Select(p => p.Name));
        // Stored without its phrase (as by an older ChatOps): the sentence as it was, under the key Text.
        Assert.Equal(("Text", "closed, \"then\" refused"), (bye.GetProperty("reason_key").GetString(), bye.GetProperty("reason_args")[0].GetString()));
        Assert.Equal(("bye", "fail", "closed, \"then\" refused", 900), (bye.GetProperty("name").GetString(), bye.GetProperty("result").GetString(),
            bye.GetProperty("reason").GetString(), bye.GetProperty("ms").GetInt32()));
        Assert.Equal("bob", reports[0].GetProperty("student").GetString());
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9", "fr", "après bye, votre serveur n'a pas fermé la connexion au bout de 2 s")]
    [InlineData("en-GB,en;q=0.9", "en", "after bye, your server did not close the connection within 2 s")]
    public async Task Json_reasons_are_in_the_browsers_language_beside_the_same_key_and_values(string acceptLanguage, string language, string reason)
    {
        var store = host.Services.GetRequiredService<GradingStore>();
        var id = (await store.StartAsync(new GradingRun(DateTimeOffset.UtcNow, "prof", "echo", "10.0.0.9", 5000, "carol"), Ct))!.Value;
        var phrase = new CheckReason("Bye.NotClosed", 2000);
        Assert.True(await store.AddResultAsync(id, new GradingResult("bye", "fail", phrase.ToString(), 2100, null, phrase.ToJson()), Ct));
        using var http = SignIn.Client(host.BaseAddress, host.Cookies);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/" + GradingEndpoints.JsonPath([id]), UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await http.SendAsync(request, Ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var report = document.RootElement[0];
        var bye = report.GetProperty("checks")[0];
        Assert.Equal(language, report.GetProperty("language").GetString());
        Assert.Equal((reason, "Bye.NotClosed", 2000), (bye.GetProperty("reason").GetString(), bye.GetProperty("reason_key").GetString(), bye.GetProperty("reason_args")[0].GetInt32()));
    }

    [Fact]
    public async Task Downloads_require_sign_in_run_ids_and_known_runs()
    {
        using var anonymous = SignIn.Client(host.BaseAddress, new CookieContainer());
        using var refused = await anonymous.GetAsync(new Uri("/checks/grades.csv?run=1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var http = SignIn.Client(host.BaseAddress, host.Cookies);
        using var none = await http.GetAsync(new Uri("/checks/grades.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        using var missing = await http.GetAsync(new Uri("/checks/grades.json?run=999999", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string Column(List<string[]> rows, int row, string check) => rows[row][Array.IndexOf(rows[0], check)];

    private static async Task<long> StoreAsync(GradingStore store, string student, string exercise, params (string Name, string Result, string Reason, long Ms)[] results)
    {
        var id = (await store.StartAsync(new GradingRun(DateTimeOffset.UtcNow, "prof", exercise, "10.0.0.9", 5000, student), Ct))!.Value;
        foreach (var (name, result, reason, ms) in results)
            Assert.True(await store.AddResultAsync(id, new GradingResult(name, result, reason, ms, null), Ct));
        Assert.True(await store.FinishAsync(id, GradingStore.Completed, Ct));
        return id;
    }
}
