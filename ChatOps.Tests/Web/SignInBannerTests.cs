using ChatOps.Web.Auth;
using Microsoft.Extensions.Options;

namespace ChatOps.Tests.Web;

public sealed class SignInBannerTests
{
    [Fact]
    public void A_generated_token_is_printed_as_a_ready_link_for_each_dashboard_address()
    {
        var secret = Secret(password: null);
        var lines = SignInBanner.Lines(secret, ["http://localhost:5080"]).ToList();
        Assert.Contains($"  http://localhost:5080/auth/link?token={secret.Current}", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("WARNING", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.10:5080")]
    public void Listening_beyond_loopback_without_a_password_warns_loudly(string address)
    {
        var lines = SignInBanner.Lines(Secret(password: null), [address]).ToList();
        Assert.Contains(lines, l => l.StartsWith("WARNING: the dashboard listens beyond this machine", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_password_is_never_printed()
    {
        var lines = SignInBanner.Lines(Secret(password: "a secret password"), ["http://0.0.0.0:5080"]).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("a secret password", StringComparison.Ordinal) || l.Contains("token=", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("WARNING", StringComparison.Ordinal));
    }

    private static LinkToken Secret(string? password)
    {
        var options = Options.Create(new AdminOptions { Password = password });
        return new LinkToken(new AdminSecret(options), options, TimeProvider.System);
    }
}
