using System.Net;
using ChatOps.Tests.Support;
using ChatOps.Web.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web.Join;

/// <summary>The students' join page and the teacher's projector on the real host: who may see what.</summary>
[Collection(WebHostGroup.Name)]
public sealed class JoinPageTests(WebHostFixture host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_join_page_needs_no_sign_in_and_gives_each_way_to_connect()
    {
        var port = (await host.RunningEngineAsync()).LocalEndPoint!.Port;
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());

        using var response = await http.GetAsync(new Uri("/join", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        // The engine listens on loopback in tests: the address students reach is the one it listens on, never 0.0.0.0.
        Assert.Contains($"nc 127.0.0.1 {port}", page, StringComparison.Ordinal);
        Assert.Contains($"telnet 127.0.0.1 {port}", page, StringComparison.Ordinal);
        Assert.Contains($"chatops connect 127.0.0.1 {port}", page, StringComparison.Ordinal);
        Assert.Contains($"s.connect((\"127.0.0.1\", {port}))", page, StringComparison.Ordinal);
        Assert.Contains($"new Socket(\"127.0.0.1\", {port})", page, StringComparison.Ordinal);
        Assert.Contains("recv(1024)", page, StringComparison.Ordinal);
        Assert.Contains("readLine()", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0", page, StringComparison.Ordinal);
        // This host has no client builds: the page says how to make them.
        Assert.Contains("scripts/publish-client.sh", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_join_page_reveals_no_student_no_line_and_nothing_of_the_dashboard()
    {
        var student = IPAddress.Parse("127.0.0.41");
        await using var client = await host.ConnectAsync(student);
        await client.SendLineAsync("mot de passe du voisin");
        var state = host.Services.GetRequiredService<DashboardState>();
        await Eventually.HoldsAsync(() => state.Current.Mirror.Any(l => l.Text == "mot de passe du voisin"), "the line in the dashboard's mirror");
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());

        var page = await http.GetStringAsync(new Uri("/join", UriKind.Relative), Ct);

        Assert.DoesNotContain("127.0.0.41", page, StringComparison.Ordinal);
        Assert.DoesNotContain("mot de passe du voisin", page, StringComparison.Ordinal);
        foreach (var dashboardPart in new[] { "session-row", "mirror-lines", "arret-button", "operator-box", "app-nav", "signout-form", "projector-count" })
            Assert.DoesNotContain(dashboardPart, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_projector_is_the_teachers()
    {
        var port = (await host.RunningEngineAsync()).LocalEndPoint!.Port;
        using var anonymous = SignIn.Client(host.BaseAddress, new CookieContainer());
        using var refused = await anonymous.GetAsync(new Uri("/projector", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var teacher = SignIn.Client(host.BaseAddress, host.Cookies);
        var page = WebUtility.HtmlDecode(await teacher.GetStringAsync(new Uri("/projector", UriKind.Relative), Ct));
        Assert.Contains($"nc 127.0.0.1 {port}", page, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-projector\"", page, StringComparison.Ordinal);
    }
}
