using System.Net;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatOps.Tests.Web;

/// <summary>One real host and (when a test asks) one headless Chromium, shared by the tests of the "web host" collection.</summary>
public sealed class WebHostFixture : IAsyncLifetime
{
    private readonly ChatOpsWebFactory _factory = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The teacher's sign-in cookie for this host, made once through the real sign-in form.</summary>
    public CookieContainer Cookies { get; private set; } = default!;

    public ChatEngine Engine => _factory.Services.GetRequiredService<ChatServer>().Rooms[0];

    public IServiceProvider Services => _factory.Services;

    public async ValueTask InitializeAsync()
    {
        _factory.StartServer();
        BaseAddress = new Uri(_factory.ServerAddress());
        Cookies = await SignIn.WithPasswordAsync(BaseAddress, ChatOpsWebFactory.Password);
    }

    /// <summary>Tests may stop the engine (arret); each starts it again first.</summary>
    public async Task<ChatEngine> RunningEngineAsync()
    {
        await Engine.StartAsync();
        return Engine;
    }

    internal async Task<TcpTestClient> ConnectAsync(System.Net.IPAddress? from = null) =>
        await TcpTestClient.ConnectAsync((await RunningEngineAsync()).LocalEndPoint!, from: from);

    public async Task<IBrowser> BrowserAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        return _browser ??= await LaunchChromiumAsync(_playwright);
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium (scripts/install-test-deps.d/chromium.sh): Playwright never downloads a browser here.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebHostGroup : ICollectionFixture<WebHostFixture>
{
    public const string Name = "web host";
}

/// <summary>The browser tests get a host of their own, so the dashboard they show (and the screenshot) holds only their story.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<WebHostFixture>
{
    public const string Name = "browser";
}
