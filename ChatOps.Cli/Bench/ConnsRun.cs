using System.Diagnostics;
using System.Net;

namespace ChatOps.Cli.Bench;

/// <summary>
/// <c>bench conns</c>: opens N connections (a bounded number of handshakes at a time), holds them idle while reading
/// and discarding what the server sends, then counts how many are still open and what they cost the server.
/// </summary>
internal static class ConnsRun
{
    private const int ReceiveBufferBytes = 512;

    public static async Task<ConnsReport> RunAsync(IPEndPoint server, int clients, TimeSpan hold, int? serverPid, TimeSpan connectTimeout, int parallel, int maxFailures, ProgressLine progress, CancellationToken cancellationToken)
    {
        var rssBefore = ProcessProbe.RssKiB(serverPid);
        var filesBefore = ProcessProbe.OpenFiles(serverPid);
        progress.Update($"conns: opening {clients} connections");
        var connect = await Connector.ConnectAsync([server], clients, parallel > 0 ? parallel : clients, connectTimeout, cancellationToken, maxFailures);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = connect.Connections.Select(c => c.ReceiveAsync(null, ReceiveBufferBytes, stop.Token)).ToList();
        try
        {
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < hold)
            {
                var open = connect.Connections.Count(c => !c.ClosedByServer);
                progress.Update($"conns: {open} open, {connect.Failed} failed, holding {Stopwatch.GetElapsedTime(started).TotalSeconds:0}/{hold.TotalSeconds:0} s, server RSS {ProcessProbe.RssKiB(serverPid)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} KiB");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            var held = connect.Connections.Count(c => !c.ClosedByServer);
            var rssAfter = ProcessProbe.RssKiB(serverPid);
            var filesAfter = ProcessProbe.OpenFiles(serverPid);
            double? perConnection = rssBefore is { } b && rssAfter is { } a && held > 0 ? Math.Round((double)(a - b) / held, 2) : null;
            return new ConnsReport("conns", clients, hold.TotalSeconds, connect.Connections.Count, connect.Failed, connect.FirstError, held,
                connect.ConnectMillis(), rssBefore, rssAfter, perConnection,
                filesBefore is { } fb && filesAfter is { } fa ? fa - fb : null);
        }
        finally
        {
            progress.Done();
            await stop.CancelAsync();
            foreach (var c in connect.Connections)
                c.Dispose();
            await Task.WhenAll(reading);
        }
    }
}
