using ChatOps.Web.Dashboard;

namespace ChatOps.Tests.Web;

/// <summary>docs/dashboard.md says what the program does: every dashboard option, and no sign-in that is "not there yet".</summary>
public sealed class DashboardDocsTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "dashboard.md"));

    [Fact]
    public void Does_not_say_the_network_facing_dashboard_lacks_a_sign_in() =>
        Assert.DoesNotContain("no sign-in", Doc, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Documents_every_dashboard_option()
    {
        var keys = typeof(DashboardOptions).GetProperties().Select(p => $"`{DashboardOptions.SectionName}:{p.Name}`");
        Assert.All(keys, key => Assert.Contains(key, Doc, StringComparison.Ordinal));
    }
}
