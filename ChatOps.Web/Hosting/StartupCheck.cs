using ChatOps.Cluster.Options;
using ChatOps.History.Options;
using ChatOps.TcpEngine.Options;
using ChatOps.Web.Auth;
using ChatOps.Web.Checks;
using ChatOps.Web.Dashboard;
using ChatOps.Web.Join;
using ChatOps.Web.Metrics;

namespace ChatOps.Web.Hosting;

/// <summary>
/// Settings the host would otherwise ignore without a word: <c>chatops serve</c>'s switches (the configuration reads
/// <c>--port 7071</c> as a key nobody asks for), and unknown keys or enum values in ChatOps's own sections.
/// </summary>
internal static class StartupCheck
{
    private static readonly (string[] Switches, string Instead)[] ServeSwitches =
    [
        (["--port", "-p"], "--Chat:Port=<port>"),
        (["--mode", "-m"], "--Chat:Mode=<mode>"),
        (["--bind"], "--Chat:BindAddress=<address>"),
        (["--no-client-arret"], "--Chat:AllowClientArret=false"),
        (["--metrics-port"], "no switch: it serves /metrics on its own HTTP port"),
    ];

    public static IEnumerable<string> Problems(IReadOnlyList<string> args, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var arg in args)
        {
            var name = arg.Split('=', 2)[0];
            if (ServeSwitches.FirstOrDefault(s => s.Switches.Contains(name, StringComparer.OrdinalIgnoreCase)) is { Instead: { } instead })
                yield return $"{name} is a switch of chatops serve; the web host takes {instead}.";
        }
        foreach (var problem in ConfigurationCheck.Problems<ChatOptions>(configuration, ChatOptions.SectionName)
            .Concat(ConfigurationCheck.Problems<DashboardOptions>(configuration, DashboardOptions.SectionName))
            .Concat(ConfigurationCheck.Problems<AdminOptions>(configuration, AdminOptions.SectionName))
            .Concat(ConfigurationCheck.Problems<HistoryOptions>(configuration, HistoryOptions.SectionName))
            .Concat(ConfigurationCheck.Problems<GradingOptions>(configuration, GradingOptions.SectionName))
            .Concat(ConfigurationCheck.Problems<JoinOptions>(configuration, JoinOptions.SectionName))
            .Concat(ConfigurationCheck.Problems<MetricsOptions>(configuration, MetricsOptions.SectionName))
            .Concat(ConfigurationCheck.Problems<ClusterOptions>(configuration, ClusterOptions.SectionName)))
            yield return problem;
    }
}
