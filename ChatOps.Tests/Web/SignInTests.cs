using System.Net;
using ChatOps.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>The dashboard and the hub belong to the teacher: everything but the sign-in page needs the sign-in cookie.</summary>
[Collection(WebHostGroup.Name)]
public sealed class SignInTests(WebHostFixture host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_sends_strangers_to_the_sign_in_page()
    {
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2F", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_hub_refuses_strangers()
    {
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());
        using var response = await http.PostAsync(new Uri("/hubs/chatops/negotiate?negotiateVersion=1", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_message_and_no_cookie()
    {
        var cookies = new CookieContainer();
        using var response = await SignIn.PostPasswordAsync(host.BaseAddress, cookies, "not the password");
        Assert.Equal("/signin?error=wrong&returnUrl=%2F", response.Headers.Location?.OriginalString);

        using var http = SignIn.Client(host.BaseAddress, cookies);
        Assert.Contains("Wrong password", await http.GetStringAsync(response.Headers.Location, Ct), StringComparison.Ordinal);
        using var home = await http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/caf\u00e9")]
    [InlineData("/\u0001\r\nSet-Cookie: x=y")]
    [InlineData("/a b")]
    [InlineData("/\u202eevil")]
    public async Task After_sign_in_only_local_addresses_are_followed(string returnUrl)
    {
        // Non-ASCII and control characters used to make a correct sign-in answer 500, after the audit entry, without a cookie.
        var cookies = new CookieContainer();
        using var response = await SignIn.PostPasswordAsync(host.BaseAddress, cookies, ChatOpsWebFactory.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        using var http = SignIn.Client(host.BaseAddress, cookies);
        using var home = await http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Theory]
    [InlineData("/caf%C3%A9?x=%01")]
    [InlineData("/%E2%80%AE")]
    public async Task A_stranger_at_an_odd_address_is_sent_to_sign_in_not_an_error(string path)
    {
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_password_never_works_as_a_link_token()
    {
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());
        var link = new Uri($"/auth/link?token={Uri.EscapeDataString(ChatOpsWebFactory.Password)}", UriKind.Relative);
        using var response = await http.GetAsync(link, Ct);
        Assert.Equal("/signin?error=wrong", response.Headers.Location?.OriginalString);
    }
}
