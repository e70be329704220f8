using System.Net;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatOps.Tests.Web.Join;

/// <summary>
/// The projector's and the join page's host, as a class reaches it: the dashboard and the room listen on this machine's
/// own network address (the first of <c>hostname -I</c>), so the pages show the address students type and no "students
/// cannot reach this page" warning. Nothing leaves the machine: the browser and the clients connect to its own address.
/// Without a network address (a bare container) it falls back to loopback, and <see cref="Reachable"/> says so.
/// </summary>
public sealed class LanHostFixture : IAsyncLifetime
{
    private readonly ChatOpsWebFactory _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LanHostFixture()
    {
        var lan = ConnectHints.LanAddresses();
        Address = lan.Count > 0 ? lan[0] : IPAddress.Loopback;
        _factory = new ChatOpsWebFactory(new Dictionary<string, string?> { ["Chat:BindAddress"] = Address.ToString() }, listenOn: Address);
    }

    /// <summary>Where the dashboard and the room listen: the machine's network address, or loopback when it has none.</summary>
    public IPAddress Address { get; }

    /// <summary>Whether another machine could reach these pages (false on loopback).</summary>
    public bool Reachable => !IPAddress.IsLoopback(Address);

    public Uri BaseAddress { get; private set; } = default!;

    public ChatEngine Engine => _factory.Services.GetRequiredService<ChatServer>().Rooms[0];

    public ValueTask InitializeAsync()
    {
        _factory.StartServer();
        BaseAddress = new Uri(_factory.ServerAddress());
        return ValueTask.CompletedTask;
    }

    /// <summary>Tests may stop the engine (arret); each starts it again first.</summary>
    public async Task<ChatEngine> RunningEngineAsync()
    {
        await Engine.StartAsync();
        return Engine;
    }

    internal async Task<TcpTestClient> ConnectAsync() => await TcpTestClient.ConnectAsync((await RunningEngineAsync()).LocalEndPoint!);

    public async Task<IBrowser> BrowserAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        return _browser ??= await WebHostFixture.LaunchChromiumAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
