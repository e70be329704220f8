namespace ChatOps.Cli.Bench;

/// <summary>What a connections run measured; serialised as-is by <c>--json</c>.</summary>
internal sealed record ConnsReport(
    string Kind,
    int Clients,
    double HoldSeconds,
    int Connected,
    int ConnectFailed,
    string? ConnectError,
    int StillOpenAfterHold,
    Summary ConnectMs,
    long? ServerRssBeforeKiB,
    long? ServerRssAfterKiB,
    double? ServerKiBPerConnection,
    int? ServerDescriptorsAdded)
{
    public IEnumerable<string> ToText()
    {
        yield return $"conns: {Clients} idle connections held {HoldSeconds:0.#} s";
        yield return $"  connected {Connected}, failed {ConnectFailed}{(ConnectError is null ? "" : $" ({ConnectError})")}, still open after the hold {StillOpenAfterHold}";
        yield return $"  connect ms: p50 {ConnectMs.P50:0.###} p90 {ConnectMs.P90:0.###} p99 {ConnectMs.P99:0.###} max {ConnectMs.Max:0.###}";
        if (ServerRssBeforeKiB is { } before)
            yield return $"  server RSS {before} KiB -> {ServerRssAfterKiB} KiB: {ServerKiBPerConnection} KiB per connection; {ServerDescriptorsAdded} descriptors added";
    }
}
