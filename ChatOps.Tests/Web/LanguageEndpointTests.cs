using System.Net;
using ChatOps.Web.Localization;

namespace ChatOps.Tests.Web;

/// <summary>The real host answers in the browser's language, or in the one the switch remembered.</summary>
public sealed class LanguageEndpointTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static HttpClient Start(ChatOpsWebFactory factory, CookieContainer cookies)
    {
        factory.StartServer();
        return SignIn.Client(new Uri(factory.ServerAddress()), cookies);
    }

    private static async Task<string> GetSignInPageAsync(HttpClient http, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        if (acceptLanguage is not null)
            request.Headers.Add("Accept-Language", acceptLanguage);
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_sign_in_page_follows_Accept_Language_and_falls_back_to_English()
    {
        await using var factory = new ChatOpsWebFactory();
        using var http = Start(factory, new CookieContainer());

        var french = await GetSignInPageAsync(http, "fr-FR,fr;q=0.9,en;q=0.8");
        Assert.Contains("<html lang=\"fr\">", french, StringComparison.Ordinal);
        Assert.Contains("Mot de passe", french, StringComparison.Ordinal);
        Assert.Contains("Tableau de bord de l'enseignant", french, StringComparison.Ordinal);

        var german = await GetSignInPageAsync(http, "de-DE");
        Assert.Contains("<html lang=\"en\">", german, StringComparison.Ordinal);
        Assert.Contains("Teacher's dashboard", german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_sets_the_culture_cookie_which_wins_over_the_browser_and_only_redirects_locally()
    {
        await using var factory = new ChatOpsWebFactory();
        using var http = Start(factory, new CookieContainer());

        using (var switched = await http.GetAsync(LanguageEndpoints.Link("fr", "/signin?returnUrl=%2Fhistory"), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Equal("/signin?returnUrl=%2Fhistory", switched.Headers.Location?.OriginalString);
            var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
            Assert.StartsWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr;", cookie, StringComparison.Ordinal);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Mot de passe", await GetSignInPageAsync(http, "en-US"), StringComparison.Ordinal);

        using var elsewhere = await http.GetAsync(LanguageEndpoints.Link("en", "//evil.example/"), Ct);
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
        using var unknown = await http.GetAsync(LanguageEndpoints.Link("de", "/"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Password", await GetSignInPageAsync(http, "fr"), StringComparison.Ordinal);
    }
}
