using ChatOps.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Tests.Web.Join;

public sealed class JoinOptionsTests
{
    [Fact]
    public void A_misspelt_join_key_is_named_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Join:ClientPth"] = "/srv/client" }).Build();

        Assert.Equal(["Join:ClientPth is not a setting; did you mean Join:ClientPath?"], StartupCheck.Problems([], configuration));
    }
}
