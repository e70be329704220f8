using System.Net;
using System.Text.RegularExpressions;

namespace ChatOps.Tests.Web;

/// <summary>Signs in through the real sign-in page and form, as a browser would, and keeps the cookie.</summary>
internal static partial class SignIn
{
    public static async Task<CookieContainer> WithPasswordAsync(Uri baseAddress, string password)
    {
        var cookies = new CookieContainer();
        using var response = await PostPasswordAsync(baseAddress, cookies, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return cookies;
    }

    /// <summary>Posts the sign-in form with the page's antiforgery token; redirects are not followed.</summary>
    public static async Task<HttpResponseMessage> PostPasswordAsync(Uri baseAddress, CookieContainer cookies, string password, string returnUrl = "/")
    {
        using var http = Client(baseAddress, cookies);
        var page = await http.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
        return await http.PostAsync(new Uri("/auth/signin", UriKind.Relative), form);
    }

    public static HttpClient Client(Uri baseAddress, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = baseAddress };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
