using System.Net;
using System.Text.RegularExpressions;

namespace ChatOps.Tests.Web.Join;

/// <summary>
/// The join page's language on the real host, where it has no circuit and no sign-in: the browser's, else the students'
/// (Chat:Language), while the teacher's pages keep English as theirs.
/// </summary>
public sealed partial class JoinLanguageTests : IAsyncLifetime
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // French for students, the default: the shared hosts of the other tests set Chat:Language=en.
    private readonly ChatOpsWebFactory _factory = new(new Dictionary<string, string?> { ["Chat:Language"] = "fr" });

    public ValueTask InitializeAsync()
    {
        _factory.StartServer();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.8", "fr", "Rejoindre le TP")]
    [InlineData("en-GB,en;q=0.9", "en", "Join the lab")]
    [InlineData("de-DE,de;q=0.9", "fr", "Rejoindre le TP")]
    [InlineData(null, "fr", "Rejoindre le TP")]
    public async Task The_join_page_speaks_the_browsers_language_else_the_students(string? acceptLanguage, string lang, string title)
    {
        using var http = SignIn.Client(new Uri(_factory.ServerAddress()), new CookieContainer());

        var page = await GetAsync(http, "/join", acceptLanguage);

        Assert.Equal(lang, Lang().Match(page).Groups[1].Value);
        Assert.Contains(title, page, StringComparison.Ordinal);
        // Commands and code are the same in both languages.
        Assert.Contains("bye", page, StringComparison.Ordinal);
        Assert.Contains("recv(1024)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_teachers_sign_in_page_keeps_english_for_a_browser_that_asks_for_neither()
    {
        using var http = SignIn.Client(new Uri(_factory.ServerAddress()), new CookieContainer());

        var page = await GetAsync(http, "/signin", "de-DE");

        Assert.Equal("en", Lang().Match(page).Groups[1].Value);
    }

    [Fact]
    public async Task A_student_who_picks_english_on_the_page_keeps_it()
    {
        var cookies = new CookieContainer();
        using var http = SignIn.Client(new Uri(_factory.ServerAddress()), cookies);
        var french = await GetAsync(http, "/join", "fr-FR");
        var link = Href().Match(EnglishButton().Match(french).Value).Groups[1].Value;
        Assert.Equal("language?name=en&returnUrl=%2Fjoin", link);

        using var switched = await http.GetAsync(new Uri("/" + link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/join", switched.Headers.Location?.OriginalString);

        Assert.Contains("Join the lab", await GetAsync(http, "/join", "fr-FR"), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<string> GetAsync(HttpClient http, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("<html lang=\"([a-z]+)\"")]
    private static partial Regex Lang();

    [GeneratedRegex("<a\\b[^>]*id=\"join-language-en\"[^>]*>")]
    private static partial Regex EnglishButton();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
