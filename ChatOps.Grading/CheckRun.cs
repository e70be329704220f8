using System.Net;
using System.Security.Cryptography;
using ChatOps.TcpEngine;

namespace ChatOps.Grading;

/// <summary>What the checks of one run share: the target, the options, the dialect found by the first message, the connection budget.</summary>
internal sealed class CheckRun(CheckTarget target, ChatMode exercise, CheckOptions options)
{
    private int _connections;

    public CheckTarget Target { get; } = target;

    public ChatMode Exercise { get; } = exercise;

    public CheckOptions Options { get; } = options;

    /// <summary>Found by the first message of the run; later checks write in the same dialect.</summary>
    public Dialect Dialect { get; set; } = Dialect.Unknown;

    /// <summary>Marks this run's messages, so that nothing left over from another run (or another teacher's) is taken for an answer.</summary>
    public string Tag { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));

    public int ConnectionsOpened => Volatile.Read(ref _connections);

    /// <summary>The local address for the <paramref name="index"/>-th client of a check (A = 0, B = 1…), or null to let the system pick.</summary>
    public IPAddress? From(int index) => Options.From.Count == 0 ? null : Options.From[index % Options.From.Count];

    public void CountConnection()
    {
        if (Interlocked.Increment(ref _connections) > Options.MaxConnections)
            throw new CheckFailure(new("Run.ConnectionLimit", Options.MaxConnections));
    }
}
