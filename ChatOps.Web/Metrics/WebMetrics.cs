using System.Diagnostics.Metrics;
using ChatOps.History.Status;
using ChatOps.Web.Hubs;

namespace ChatOps.Web.Metrics;

/// <summary>
/// The web host's and the history's instruments, all observable: read when a scrape collects, nothing on any hot path.
/// Meters <see cref="WebMeterName"/> and <see cref="HistoryMeterName"/>; names, units and tags in docs/operations.md.
/// </summary>
internal sealed class WebMetrics : IDisposable
{
    public const string WebMeterName = "ChatOps.Web";
    public const string HistoryMeterName = "ChatOps.History";

    private readonly Meter _web;
    private readonly Meter _history;

    public WebMetrics(IMeterFactory meters, HubSubscribers hub, DashboardCircuits circuits, HistoryStatus history)
    {
        _web = meters.Create(WebMeterName);
        _web.CreateObservableUpDownCounter("chatops.hub.connections", () => (long)hub.Count, "{connection}",
            "SignalR hub connections following the events (scripts, bench listeners).");
        _web.CreateObservableUpDownCounter("chatops.dashboard.circuits", () => circuits.Open, "{circuit}",
            "Open dashboard tabs (Blazor circuits).");

        _history = meters.Create(HistoryMeterName);
        _history.CreateObservableCounter("chatops.history.lines.written", () => history.Current.LinesWritten, "{line}",
            "History lines written to SQLite since start.");
        _history.CreateObservableUpDownCounter("chatops.history.pending", () => (long)history.Current.Pending, "{event}",
            "Events waiting to be written: the history's lag (/healthz is degraded above 10000).");
        _history.CreateObservableCounter("chatops.history.events.dropped", () => history.Current.EventsDropped, "{event}",
            "Events the history lost: its writer fell behind, or the database stayed down too long.");
        _history.CreateObservableUpDownCounter("chatops.history.faulted", () => history.Current.IsFaulted ? 1L : 0L, "{fault}",
            "1 while the last write failed.");
        _history.CreateObservableGauge("chatops.history.last_write.age", () => LastWriteAge(history.Current), "s",
            "Seconds since the last write (none before the first).");
    }

    public void Dispose()
    {
        _web.Dispose();
        _history.Dispose();
    }

    private static IEnumerable<Measurement<double>> LastWriteAge(HistoryHealth health) =>
        health.LastWriteAt is { } at ? [new Measurement<double>((DateTimeOffset.UtcNow - at).TotalSeconds)] : [];
}
