using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChatOps.Web.Security;

namespace ChatOps.Tests.Web;

/// <summary>The README's command runs Production: security headers on every answer, only this machine's host names, no error pages for odd requests.</summary>
[Collection(WebHostGroup.Name)]
public sealed class ProductionDefaultsTests(WebHostFixture host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void The_readme_command_runs_the_production_configuration()
    {
        // `dotnet run --project ChatOps.Web` applies the first profile of launchSettings.json, environment variables included.
        Assert.Matches(@"(?m)^dotnet run --project ChatOps\.Web\s", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "ChatOps.Web", "Properties", "launchSettings.json")));
        var first = settings.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        Assert.Equal("Production", first.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    [InlineData("/app.css")]
    [InlineData("/no/such/page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_files_of_Blazor_and_MudBlazor_are_served_in_production()
    {
        using var http = SignIn.Client(host.BaseAddress, new CookieContainer());
        var page = await http.GetStringAsync(new Uri("/signin", UriKind.Relative), Ct);
        Assert.DoesNotContain("importmap", page, StringComparison.Ordinal);
        foreach (var asset in new[] { "_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.css", "_content/MudBlazor/MudBlazor.min.js" })
        {
            using var response = await http.GetAsync(new Uri(asset, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("evil.example", 400)]
    [InlineData("", 400)]
    [InlineData("localhost", 200)]
    [InlineData("127.0.0.1", 200)]
    public async Task Only_this_machines_host_names_are_answered(string hostName, int expected)
    {
        // Raw HTTP: HttpClient would not send an empty Host.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port, Ct);
        var port = hostName.Length == 0 ? "" : $":{host.BaseAddress.Port}";
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /signin HTTP/1.1\r\nHost: {hostName}{port}\r\nConnection: close\r\n\r\n"), Ct);
        await using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync(Ct);
        Assert.StartsWith($"HTTP/1.1 {expected} ", status, StringComparison.Ordinal);
    }

    [Fact]
    public void The_machines_own_names_and_addresses_are_allowed()
    {
        var names = AllowedHostNames.Names("http://teacher-pc.example:5080;http://*:5081").ToList();
        Assert.Contains("localhost", names);
        Assert.Contains("[::1]", names);
        Assert.Contains(Dns.GetHostName(), names);
        Assert.Contains("teacher-pc.example", names);
        Assert.DoesNotContain("*", names);
        Assert.DoesNotContain("0.0.0.0", names);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";
}
