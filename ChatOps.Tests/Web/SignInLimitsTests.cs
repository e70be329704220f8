using System.Net;
using ChatOps.Web.Auth;

namespace ChatOps.Tests.Web;

/// <summary>Sign-in settings that need a host of their own: the default throttle, the generated token, a too-short password.</summary>
public sealed class SignInLimitsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Guessing_is_throttled_after_five_attempts_a_minute_from_one_address()
    {
        await using var factory = new ChatOpsWebFactory(new Dictionary<string, string?> { ["Admin:SignInAttemptsPerMinute"] = "5" });
        var baseAddress = Start(factory);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignIn.PostPasswordAsync(baseAddress, new CookieContainer(), $"guess {attempt}");
            Assert.StartsWith("/signin?error=wrong", wrong.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        // Even the right password waits: the throttle does not look at what is tried.
        using var throttled = await SignIn.PostPasswordAsync(baseAddress, new CookieContainer(), ChatOpsWebFactory.Password);
        Assert.Equal("/signin?error=throttled", throttled.Headers.Location?.OriginalString);
        using var http = SignIn.Client(baseAddress, new CookieContainer());
        Assert.Contains("Too many wrong attempts", await http.GetStringAsync(throttled.Headers.Location, Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234", "Admin:Password must have at least 8 characters.")]
    [InlineData(null, null)]
    [InlineData("long enough", null)]
    public void A_too_short_password_is_refused_at_start_naming_the_key(string? password, string? error)
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { Password = password });
        Assert.Equal(error, result.Failed ? result.FailureMessage : null);
    }

    private static Uri Start(ChatOpsWebFactory factory)
    {
        factory.StartServer();
        return new Uri(factory.ServerAddress());
    }
}
