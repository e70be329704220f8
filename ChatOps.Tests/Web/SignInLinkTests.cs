using System.Net;
using ChatOps.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Web;

/// <summary>Without a password, the printed link signs in once, for a few minutes; a new one is printed on request from the server's machine.</summary>
public sealed class SignInLinkTests
{
    private static readonly Dictionary<string, string?> NoPassword = new() { ["Admin:Password"] = "" };

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_link_signs_in_once()
    {
        await using var factory = new ChatOpsWebFactory(NoPassword);
        var baseAddress = Start(factory);
        var token = factory.Services.GetRequiredService<LinkToken>().Current!;
        Assert.Equal(32, token.Length);

        var cookies = new CookieContainer();
        using var http = SignIn.Client(baseAddress, cookies);
        using (var wrong = await http.GetAsync(new Uri("/auth/link?token=0000", UriKind.Relative), Ct))
            Assert.Equal("/signin?error=link", wrong.Headers.Location?.OriginalString);
        using (var link = await http.GetAsync(LinkTo(token), Ct))
            Assert.Equal("/", link.Headers.Location?.OriginalString);
        using (var home = await http.GetAsync(new Uri("/", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // The same link a second time, from anywhere: a student who read it on the projector gets nothing.
        using var student = SignIn.ClientFrom(baseAddress, new CookieContainer(), IPAddress.Parse("127.0.0.31"));
        using var again = await student.GetAsync(LinkTo(token), Ct);
        Assert.Equal("/signin?error=link", again.Headers.Location?.OriginalString);
        Assert.Contains("expired or was already used", await student.GetStringAsync(again.Headers.Location, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_expires_after_its_lifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new ChatOpsWebFactory(NoPassword, services => services.AddSingleton(sp =>
            new LinkToken(sp.GetRequiredService<AdminSecret>(), sp.GetRequiredService<IOptions<AdminOptions>>(), clock)));
        var baseAddress = Start(factory);
        var token = factory.Services.GetRequiredService<LinkToken>().Current!;

        clock.Advance(new AdminOptions().LinkLifetime);

        using var http = SignIn.Client(baseAddress, new CookieContainer());
        using var link = await http.GetAsync(LinkTo(token), Ct);
        Assert.Equal("/signin?error=link", link.Headers.Location?.OriginalString);
    }

    [Fact]
    public void The_link_lifetime_is_a_few_minutes_by_default() =>
        Assert.Equal(TimeSpan.FromMinutes(5), new AdminOptions().LinkLifetime);

    [Fact]
    public async Task The_server_machine_prints_a_new_link_in_the_terminal_and_the_old_one_dies()
    {
        using var terminal = new StringWriter();
        await using var factory = new ChatOpsWebFactory(NoPassword, services => services.AddSingleton(new SignInTerminal(terminal)));
        var baseAddress = Start(factory);
        var old = factory.Services.GetRequiredService<LinkToken>().Current!;

        using var http = SignIn.Client(baseAddress, new CookieContainer());
        using (var printed = await SignIn.PostFormAsync(http, "/auth/newlink", []))
        {
            Assert.Equal("/signin?error=printed", printed.Headers.Location?.OriginalString);
            var page = await http.GetStringAsync(printed.Headers.Location, Ct);
            // The page's words come from the resources, HTML-encoded (the apostrophe as &#x27;): compare the text.
            Assert.Contains("printed in the server's terminal", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
            Assert.DoesNotContain("token=", page, StringComparison.Ordinal);
        }

        var fresh = factory.Services.GetRequiredService<LinkToken>().Current!;
        Assert.NotEqual(old, fresh);
        Assert.Contains($"{baseAddress.ToString().TrimEnd('/')}/auth/link?token={fresh}", terminal.ToString(), StringComparison.Ordinal);
        using (var dead = await http.GetAsync(LinkTo(old), Ct))
            Assert.Equal("/signin?error=link", dead.Headers.Location?.OriginalString);
        using (var works = await http.GetAsync(LinkTo(fresh), Ct))
            Assert.Equal("/", works.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Another_machine_cannot_have_a_new_link_printed()
    {
        using var terminal = new StringWriter();
        await using var factory = new ChatOpsWebFactory(NoPassword, services => services.AddSingleton(new SignInTerminal(terminal)));
        var baseAddress = Start(factory);
        var old = factory.Services.GetRequiredService<LinkToken>().Current;

        using var student = SignIn.ClientFrom(baseAddress, new CookieContainer(), IPAddress.Parse("127.0.0.32"));
        using var refused = await SignIn.PostFormAsync(student, "/auth/newlink", []);

        Assert.Equal("/signin?error=remote", refused.Headers.Location?.OriginalString);
        Assert.Equal(old, factory.Services.GetRequiredService<LinkToken>().Current);
        Assert.Empty(terminal.ToString());
    }

    [Fact]
    public async Task A_link_cannot_be_printed_when_a_password_is_set()
    {
        await using var factory = new ChatOpsWebFactory();
        var baseAddress = Start(factory);
        using var http = SignIn.Client(baseAddress, new CookieContainer());
        Assert.DoesNotContain("newlink", await http.GetStringAsync(new Uri("/signin", UriKind.Relative), Ct), StringComparison.Ordinal);
        using var refused = await SignIn.PostFormAsync(http, "/auth/newlink", []);
        Assert.Equal("/signin", refused.Headers.Location?.OriginalString);
        Assert.Null(factory.Services.GetRequiredService<LinkToken>().Current);
    }

    private static Uri LinkTo(string token) => new($"/auth/link?token={token}", UriKind.Relative);

    private static Uri Start(ChatOpsWebFactory factory)
    {
        factory.StartServer();
        return new Uri(factory.ServerAddress());
    }
}
