using ChatOps.Web.Dashboard;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>The real ChatOps.Web host on Kestrel (a free loopback port) with the engine on a free port too.</summary>
internal sealed class ChatOpsWebFactory : WebApplicationFactory<DashboardState>
{
    /// <summary>The teacher's password in tests that share the host.</summary>
    public const string Password = "correct horse battery";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>This host's history folder: fresh for each factory, removed with it, so tests never share a database.</summary>
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "chatops-web-" + Guid.NewGuid().ToString("N"));

    /// <param name="settings">Configuration, over the tests' defaults.</param>
    /// <param name="services">Replaces services after the host's own registrations (e.g. a fake clock for one service).</param>
    /// <param name="listenOn">The address Kestrel listens on (a free port of it); default loopback.</param>
    public ChatOpsWebFactory(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, System.Net.IPAddress? listenOn = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        if (listenOn is null)
            UseKestrel(0);
        else
            UseKestrel(o => o.Listen(listenOn, 0));
    }

    /// <summary>Where Kestrel listens once <c>StartServer()</c> has run.</summary>
    public string ServerAddress() =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::1]", "localhost", StringComparison.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // What the README's command runs (WebApplicationFactory would choose Development): no developer pages, the
        // security headers and host names as the teacher gets them.
        builder.UseEnvironment("Production");
        builder.UseSetting("Chat:Port", "0");
        builder.UseSetting("Chat:BindAddress", "127.0.0.1");
        // The tests read the students' notices in English; French (the default) has its own tests.
        builder.UseSetting("Chat:Language", "en");
        // One chart point a second, so the chart has data within the end-to-end test's time.
        builder.UseSetting("Dashboard:ChartSampleInterval", "00:00:01");
        builder.UseSetting("Dashboard:ChartWindow", "00:01:00");
        builder.UseSetting("Dashboard:UnfinishedLineWarning", "00:00:02");
        builder.UseSetting("Admin:Password", Password);
        builder.UseSetting("Data:Path", DataPath);
        // Every test signs in from 127.0.0.1; the throttle has its own tests with its default.
        builder.UseSetting("Admin:SignInAttemptsPerMinute", "1000");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureServices(_services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }
}
