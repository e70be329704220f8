using System.Net;
using ChatOps.Web.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Web;

/// <summary>Wrong passwords cost waiting per address and for all addresses together, and the wait grows.</summary>
public sealed class SignInThrottleTests
{
    private static readonly IPAddress Student = IPAddress.Parse("192.168.1.50");
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_address_waits_after_five_failures_and_twice_as_long_after_each_further_one()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new SignInThrottle(Options.Create(new AdminOptions { SignInFailuresAllAddresses = 1000 }), clock);
        for (var i = 1; i < 5; i++)
        {
            throttle.Failed(Student);
            Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Student));
        }
        throttle.Failed(Student);
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.WaitFor(Student));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Student));
        throttle.Failed(Student);
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.WaitFor(Student));
        clock.Advance(TimeSpan.FromMinutes(2));
        throttle.Failed(Student);
        Assert.Equal(TimeSpan.FromMinutes(4), throttle.WaitFor(Student));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(IPAddress.Parse("192.168.1.51")));
    }

    [Fact]
    public void Many_addresses_share_one_growing_wait_that_spares_the_server_machine()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new SignInThrottle(Options.Create(new AdminOptions()), clock);
        for (var i = 0; i < 20; i++)
            throttle.Failed(IPAddress.Parse($"10.0.0.{i}"));

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.WaitFor(IPAddress.Parse("10.0.1.1")));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(IPAddress.Loopback));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(IPAddress.IPv6Loopback));
        clock.Advance(TimeSpan.FromSeconds(1));
        throttle.Failed(IPAddress.Parse("10.0.1.1"));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.WaitFor(IPAddress.Parse("10.0.1.2")));
    }

    [Fact]
    public void A_success_clears_its_address_and_an_hour_of_quiet_forgets_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new SignInThrottle(Options.Create(new AdminOptions { SignInAttemptsPerMinute = 2 }), clock);
        throttle.Failed(Student);
        throttle.Succeeded(Student);
        throttle.Failed(Student);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Student));
        clock.Advance(SignInThrottle.ForgetAfter);
        throttle.Failed(Student);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Student));
    }

    [Fact]
    public void The_addresses_of_one_IPv6_network_count_as_one()
    {
        var throttle = new SignInThrottle(Options.Create(new AdminOptions { SignInAttemptsPerMinute = 2 }), Clock);
        throttle.Failed(IPAddress.Parse("2001:db8:1:2::10"));
        throttle.Failed(IPAddress.Parse("2001:db8:1:2::11"));
        Assert.NotEqual(TimeSpan.Zero, throttle.WaitFor(IPAddress.Parse("2001:db8:1:2::12")));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(IPAddress.Parse("2001:db8:1:3::10")));
    }

    [Fact]
    public async Task Guesses_from_forty_addresses_are_throttled_together_and_the_teacher_still_signs_in()
    {
        // The defaults (5 an address, 20 in all), which the shared test host raises.
        await using var factory = new ChatOpsWebFactory(new Dictionary<string, string?> { ["Admin:SignInAttemptsPerMinute"] = "5" });
        factory.StartServer();
        var baseAddress = new Uri(factory.ServerAddress());

        var answers = new List<string>();
        for (var machine = 0; machine < 40; machine++)
        {
            using var student = SignIn.ClientFrom(baseAddress, new CookieContainer(), IPAddress.Parse($"127.0.1.{machine + 10}"));
            for (var guess = 0; guess < 5; guess++)
            {
                var fields = new Dictionary<string, string> { ["password"] = $"guess {machine}-{guess}", ["returnUrl"] = "/" };
                using var answer = await SignIn.PostFormAsync(student, "/auth/signin", fields);
                answers.Add(answer.Headers.Location!.OriginalString);
            }
        }

        // Before, all 200 were checked. Now the first 20 are, then one now and then as the shared wait runs out and doubles.
        var checkedGuesses = answers.Count(a => a.StartsWith("/signin?error=wrong", StringComparison.Ordinal));
        Assert.InRange(checkedGuesses, 20, 30);
        Assert.Equal(200 - checkedGuesses, answers.Count(a => a == "/signin?error=throttled"));
        await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password);
    }
}
