using System.Net;

namespace ChatOps.Grading;

/// <summary>How a run behaves. Every wait is bounded; the defaults suit a classroom LAN.</summary>
public sealed record CheckOptions
{
    /// <summary>
    /// How long one step waits for the server: a connection, an answer, a close. Default 5 s: a LAN answers in
    /// milliseconds, but a student's server that prints every byte or runs under a debugger may take a second or two.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Send <c>arret</c> as the last check. Off by default: it stops the student's server.</summary>
    public bool Arret { get; init; }

    /// <summary>Local addresses to connect from, used in turn for clients A, B, C… (empty: the system picks).</summary>
    public IReadOnlyList<IPAddress> From { get; init; } = [];

    /// <summary>
    /// How long to listen for something that must not come (a second answer, a message back to its sender). Default
    /// 300 ms: a server that does it does it at once; longer only makes every run slower.
    /// </summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Silence that ends a message received without a newline. Default 150 ms, the gap of issue "messages without newlines".</summary>
    public TimeSpan MessageGap { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Pause between two messages written without a newline on one connection, so that a server which reads one message
    /// per <c>recv()</c> (or waits for silence) sees them apart. Default 250 ms: longer than the gap such servers wait.
    /// </summary>
    public TimeSpan MessagePause { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Pause between the pieces of the split message. Default 50 ms: each piece reaches the server on its own (a
    /// <c>recv()</c> each), yet the pauses stay well under the silence that ends a message without newline.
    /// </summary>
    public TimeSpan SplitPause { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Wait before the first message in a relay: the kernel completes a handshake before the student's server calls
    /// accept() and adds the client to its list, and nothing on the wire says when that is done. Default 150 ms.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Connections one run may open at most (the churn check alone opens 100). Default 200.</summary>
    public int MaxConnections { get; init; } = 200;

    /// <summary>
    /// Bytes sent towards a client that never reads, in the slow_reader check. Default 3 MB: with its small receive
    /// buffer, a blocking server stalls after about 1 MB on Linux loopback; three times that leaves a margin.
    /// </summary>
    public int SlowReaderBytes { get; init; } = 3 * 1024 * 1024;

    /// <summary>How long the first message waits for an answer before a newline is added (finding the server's dialect).</summary>
    internal TimeSpan ProbeWait => Timeout < TimeSpan.FromMilliseconds(600) ? Timeout : TimeSpan.FromMilliseconds(600);

    /// <summary>A whole check's bound, whatever it does: three timeouts, and 20 s for the work (100 connections on a loaded machine take seconds).</summary>
    public TimeSpan CheckBudget => (3 * Timeout) + TimeSpan.FromSeconds(20);
}
