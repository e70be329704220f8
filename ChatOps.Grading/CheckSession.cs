using ChatOps.Grading.Conversation;

namespace ChatOps.Grading;

/// <summary>One check's time and connections: every client it opens is closed when the check ends, and everything is bounded by <see cref="Token"/>.</summary>
internal sealed class CheckSession(CheckRun run, CancellationToken token) : IAsyncDisposable
{
    private readonly List<CheckConnection> _connections = [];

    public CheckRun Run { get; } = run;

    public CheckOptions Options => Run.Options;

    public Transcript Transcript { get; } = new();

    public CancellationToken Token { get; } = token;

    /// <summary>Opens client <paramref name="name"/> from the <paramref name="fromIndex"/>-th <c>--from</c> address.</summary>
    public async Task<CheckConnection> ConnectAsync(string name, int fromIndex = 0, Reading reading = Reading.Keep, CancellationToken? cancellation = null)
    {
        Run.CountConnection();
        var connection = await CheckConnection.ConnectAsync(name, Run.Target.EndPoint, Run.From(fromIndex), reading, Transcript, Options, cancellation ?? Token);
        lock (_connections)
            _connections.Add(connection);
        return connection;
    }

    public Task SendAsync(CheckConnection client, string text) => client.SendMessageAsync(text, Run.Dialect, Token);

    public Task SettleAsync() => Task.Delay(Options.Settle, Token);

    /// <summary>A text no other check or run sends: the run's tag, the check's word, a number.</summary>
    public string Unique(string word, int n) => $"{word}-{Run.Tag}-{n:D3}";

    public void Note(string text) => Transcript.Note("check", text);

    public async ValueTask DisposeAsync()
    {
        CheckConnection[] all;
        lock (_connections)
            all = [.. _connections];
        foreach (var connection in all)
            await connection.DisposeAsync();
    }
}
