using ChatOps.Web.Checks;
using ChatOps.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Tests.Web.Checks;

/// <summary>The <c>Grading</c> section: bound with its defaults, wrong values and typos named by key before anything starts.</summary>
public sealed class GradingOptionsTests
{
    [Fact]
    public void Defaults_and_a_list_of_local_addresses_bind()
    {
        Assert.Equal((4, TimeSpan.FromSeconds(5), 200), (Bind([]).MaxParallel, Bind([]).Timeout, Bind([]).MaxTargets));
        Assert.Empty(Bind([]).From);
        Assert.Equal(["127.0.0.2", "127.0.0.3"], Bind(new() { ["Grading:From:0"] = "127.0.0.2", ["Grading:From:1"] = "127.0.0.3" }).From);
    }

    [Fact]
    public void Wrong_values_fail_with_one_line_per_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Grading:MaxParallel"] = "0",
            ["Grading:Timeout"] = "00:05:00",
            ["Grading:From:0"] = "pc-12",
        }));

        Assert.Equal(
            ["Grading:MaxParallel must be between 1 and 32 (got 0).", "Grading:Timeout must be between 00:00:00.100 and 00:01:00 (got 00:05:00).",
                "Grading:From must hold IP addresses (got 'pc-12')."],
            failure.Failures);
    }

    [Fact]
    public void A_misspelt_key_is_named_with_the_nearest_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Grading:MaxParalel"] = "8" }).Build();

        Assert.Equal(["Grading:MaxParalel is not a setting; did you mean Grading:MaxParallel?"], StartupCheck.Problems([], configuration));
    }

    private static GradingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGrading().BuildServiceProvider();
        return services.GetRequiredService<IOptions<GradingOptions>>().Value;
    }
}
