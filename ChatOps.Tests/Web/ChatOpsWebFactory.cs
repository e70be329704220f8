using ChatOps.Web.Dashboard;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatOps.Tests.Web;

/// <summary>The real ChatOps.Web host on Kestrel (a free loopback port) with the engine on a free port too.</summary>
internal sealed class ChatOpsWebFactory : WebApplicationFactory<DashboardState>
{
    public ChatOpsWebFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Chat:Port", "0");
        builder.UseSetting("Chat:BindAddress", "127.0.0.1");
        // One chart point a second, so the chart has data within the end-to-end test's time.
        builder.UseSetting("Dashboard:ChartSampleInterval", "00:00:01");
        builder.UseSetting("Dashboard:ChartWindow", "00:01:00");
    }
}
