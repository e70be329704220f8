using System.CommandLine;

namespace ChatOps.Cli.Bench;

/// <summary><c>chatops bench fanout|conns</c>: a load generator for any line relay, on loopback only.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure a line relay (ChatOps or any other) on loopback: throughput, latency, connections.")
    {
        FanoutCommand.Create(),
        ConnsCommand.Create(),
        TableCommand.Create(),
    };
}
