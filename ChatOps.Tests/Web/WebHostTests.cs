using System.Net;
using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

[Collection(WebHostGroup.Name)]
public sealed class WebHostTests(WebHostFixture host)
{
    [Fact]
    public async Task Serves_the_dashboard_with_its_styles_and_icon()
    {
        using var http = SignIn.Client(host.BaseAddress, host.Cookies);

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        Assert.Contains("<title>ChatOps</title>", page, StringComparison.Ordinal);
        foreach (var asset in new[] { "_content/MudBlazor/MudBlazor.min.css", "app.css", "favicon.svg", "logo.svg" })
        {
            using var response = await http.GetAsync(new Uri(asset, UriKind.Relative), Xunit.TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_engine_runs_as_a_hosted_service_on_the_configured_port()
    {
        // A host of its own, which nothing but the host's start has touched: the shared one is restarted by tests after an arret.
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();

        var engine = factory.Services.GetRequiredService<ChatServer>().Rooms[0];

        Assert.True(engine.IsRunning);
        Assert.Equal(IPAddress.Loopback, engine.LocalEndPoint!.Address);
        Assert.NotEqual(0, engine.LocalEndPoint.Port);
    }
}
