using System.Diagnostics.Metrics;
using ChatOps.History.Status;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Metrics;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Logging;
using ChatOps.Tests.Web;
using ChatOps.Web.Hubs;
using ChatOps.Web.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Tests.Metrics;

/// <summary>docs/operations.md says what the program does: every instrument, every metrics option, every log event ID.</summary>
public sealed class OperationsDocsTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "operations.md"));

    [Fact]
    public async Task Documents_every_instrument()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters))
                    names.Add(instrument.Name);
            },
        };
        listener.Start();
        await using var server = new ChatServer(Options.Create(new ChatOptions()));
        using var engineMetrics = new EngineMetrics(server, meters);
        using var hub = new HubSubscribers(_ => throw new InvalidOperationException(), TimeProvider.System, NullLogger.Instance);
        using var webMetrics = new WebMetrics(meters, hub, new DashboardCircuits(), new HistoryStatus("chatops.db"));

        Assert.True(names.Count >= 20, string.Join(", ", names));
        Assert.All(names, name => Assert.Contains($"`{name}`", Doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Documents_every_metrics_option()
    {
        var keys = typeof(MetricsOptions).GetProperties().Select(p => $"`{MetricsOptions.SectionName}:{p.Name}`").Append("`Metrics:Port`");
        Assert.All(keys, key => Assert.Contains(key, Doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Documents_every_log_event_id()
    {
        var ids = LogEventIdTests.LoggerMessages().Select(m => m.EventId);
        Assert.All(ids, id => Assert.Contains($"| {id} |", Doc, StringComparison.Ordinal));
    }
}
