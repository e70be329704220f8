using ChatOps.Cluster.Hosting;
using ChatOps.History.Hosting;
using ChatOps.TcpEngine.Hosting;
using ChatOps.Web.Auth;
using ChatOps.Web.Checks;
using ChatOps.Web.Cluster;
using ChatOps.Web.Dashboard;
using ChatOps.Web.Health;
using ChatOps.Web.Hubs;
using ChatOps.Web.Join;
using ChatOps.Web.Localization;
using ChatOps.Web.Metrics;
using ChatOps.Web.Records;
using ChatOps.Web.Roster;
using ChatOps.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace ChatOps.Web.Hosting;

internal static class ChatOpsWebBuilderExtensions
{
    /// <summary>The engine, the dashboard and the hub in one host; the engine's options come from the <c>Chat</c> section.</summary>
    public static WebApplicationBuilder AddChatOpsWeb(this WebApplicationBuilder builder)
    {
        // Start-up failures are reported as one line by RunChatOpsAsync; these loggers would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        // The README's `dotnet run` runs Production from the build output: without this, the files of MudBlazor and of
        // Blazor itself (_content/, _framework/) are only served in Development. A published copy has no manifest: no effect.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddAllowedHostNames();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddChatOpsLocalization();
        services.AddChatOpsAuth();
        // JSON for browsers and scripts; MessagePack, binary and cheaper to write and read, for clients that follow every
        // event of a busy lab (measured in docs/performance.md).
        services.AddSignalR(o =>
        {
            // One invocation at a time per client (the default, said on purpose): a script's Broadcast then Kick run in
            // the order it sent them, and one client cannot hold several threads with Arret, which waits for the stop.
            o.MaximumParallelInvocationsPerClient = 1;
        }).AddMessagePackProtocol();
        services.AddDashboard();
        services.TryAddSingleton<HubSubscribers>();
        // Registered before the engine: hosted services start in order, so both follow the events from the first one.
        services.AddHostedService<HubEventForwarder>();
        services.AddChatOpsMetrics(builder.Configuration);
        // With Cluster:Redis, the rooms' fan-out is shared with the other hosts through Redis (docs/cluster.md).
        services.AddChatOpsCluster(builder.Configuration);
        // ... and the hub's events and the teacher's sign-in with them.
        services.AddChatOpsWebCluster(builder.Configuration);
        services.AddChatEngine();
        // The SQLite history, its audit log and the bans (also the engine's door keeper): see docs/history.md.
        services.AddChatHistory();
        services.AddRosterNames();
        // With Cluster:Redis, bans and names are shared with the other hosts (docs/cluster.md, "Control across hosts").
        services.AddClusterControlRecords();
        services.TryAddSingleton<Moderation>();
        services.AddChatOpsHealth();
        services.AddGrading();
        services.TryAddSingleton<EngineControl>();
        services.AddJoinPage();
        return builder;
    }

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DashboardState>();
        services.AddHostedService<DashboardFeed>();
        return services;
    }
}
