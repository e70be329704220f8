using System.Net;
using ChatOps.History.Audit;
using ChatOps.History.Bans;
using ChatOps.History.Export;
using ChatOps.History.Grading;
using ChatOps.History.Hosting;
using ChatOps.History.Queries;
using ChatOps.History.Retention;
using ChatOps.History.Roster;
using ChatOps.History.Status;
using ChatOps.History.Writing;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Hosting;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatOps.Tests.History;

/// <summary>The real wiring a host uses (AddChatEngine + AddChatHistory), on loopback port 0 and a temp database folder.</summary>
internal sealed class HistoryHost : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly IHost _host;
    private bool _stopped;

    private HistoryHost(IHost host) => _host = host;

    /// <summary>Every log entry of this host, to check what an operator would read.</summary>
    public FakeLogCollector Logs => _host.Services.GetFakeLogCollector();
    public ChatEngine Engine => Get<ChatServer>().Rooms[0];
    public HistoryQueries Queries => Get<HistoryQueries>();
    public TranscriptExport Export => Get<TranscriptExport>();
    public AuditLog Audit => Get<AuditLog>();
    public BanList Bans => Get<BanList>();
    public ClassRoster Roster => Get<ClassRoster>();
    public GradingStore Grading => Get<GradingStore>();
    public HistoryRetention Retention => Get<HistoryRetention>();
    public HistoryStatus Status => Get<HistoryStatus>();

    public static Task<HistoryHost> StartAsync(string dataPath, Dictionary<string, string?>? settings = null, TimeProvider? time = null, bool historyFirst = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chat:Port"] = "0",
            ["Chat:BindAddress"] = "127.0.0.1",
            ["Chat:Language"] = "en",
            ["Data:Path"] = dataPath,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        if (time is not null)
            builder.Services.AddSingleton(time);
        if (historyFirst)
            builder.Services.AddChatHistory();
        builder.Services.AddChatEngine();
        if (!historyFirst)
            builder.Services.AddChatHistory();
        return StartAsync(builder.Build());
    }

    private static async Task<HistoryHost> StartAsync(IHost host)
    {
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new HistoryHost(host);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Waits until everything the engine published so far has been through a write attempt.</summary>
    public Task FlushAsync() => Get<HistoryWriter>().FlushAsync().WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public Task<TcpTestClient> ConnectAsync() => TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Engine.LocalEndPoint!.Port));

    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        using var timeout = new CancellationTokenSource(Timeout);
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
            await asyncDisposable.DisposeAsync();
        else
            _host.Dispose();
    }
}
