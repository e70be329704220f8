using System.Globalization;
using System.Text;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.StudentPrograms;

/// <summary>
/// One run of a student client as a real process. Its messages are typed on its standard input; it prints each read
/// as <c>&lt; TEXT</c> (escaped) and <c>closed</c> when the server closes. <see cref="Received"/> is everything read, in order.
/// </summary>
internal sealed class StudentRun(StudentClient client, CliProcess process) : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly List<string> _chunks = [];

    public StudentClient Client { get; } = client;

    /// <summary>Each read of the program (one <c>recv</c>, <c>readLine</c> or <c>readUTF</c>), unescaped.</summary>
    public IReadOnlyList<string> Chunks => _chunks;

    public string Received => string.Concat(_chunks);

    public bool Closed { get; private set; }

    public Task SayAsync(string message) => process.TypeAsync(message);

    /// <summary>Ends the program's input: it has nothing more to say.</summary>
    public void EndInput() => process.CloseInput();

    /// <summary>Waits until what the program received contains <paramref name="expected"/>.</summary>
    public async Task WaitForAsync(string expected, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        while (!Received.Contains(expected, StringComparison.Ordinal))
        {
            if (Closed)
                throw Failure($"The server closed the connection before {Show(expected)} arrived.");
            await NextLineAsync($"waiting for {Show(expected)}", cts.Token);
        }
    }

    /// <summary>Reads the program's output until the server closed the connection, then returns its exit code.</summary>
    public async Task<int> FinishAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        while (!Closed)
            await NextLineAsync("waiting for the server to close the connection", cts.Token);
        return await process.WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync() => await process.DisposeAsync();

    private async Task NextLineAsync(string doing, CancellationToken cancellation)
    {
        string line;
        try
        {
            line = await process.WaitForLineAsync(_ => true, DefaultWait).WaitAsync(cancellation);
        }
        catch (Exception e) when (e is OperationCanceledException or Xunit.Sdk.XunitException)
        {
            throw Failure($"Nothing more came while {doing}.");
        }
        if (line == "closed")
            Closed = true;
        else if (line.StartsWith("< ", StringComparison.Ordinal))
            _chunks.Add(Unescape(line[2..]));
    }

    private Xunit.Sdk.XunitException Failure(string what) => new(
        $"{Client}: {what}\nreceived: {Show(Received)}\nreads: {string.Join(" | ", _chunks.Select(Show))}\n" +
        $"stdout:\n{process.StdoutSoFar}\nstderr:\n{process.Stderr}");

    /// <summary>The text with CR, LF and NUL made visible, for failure messages.</summary>
    public static string Show(string text) =>
        "\"" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal) + "\"";

    private static string Unescape(string escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '\\' || i + 1 == escaped.Length)
            {
                text.Append(escaped[i]);
                continue;
            }
            i++;
            switch (escaped[i])
            {
                case 'r': text.Append('\r'); break;
                case 'n': text.Append('\n'); break;
                case '0': text.Append('\0'); break;
                case 'x':
                    text.Append((char)int.Parse(escaped.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: text.Append(escaped[i]); break;
            }
        }
        return text.ToString();
    }
}
