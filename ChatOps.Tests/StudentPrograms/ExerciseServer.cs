using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.StudentPrograms;

/// <summary><c>chatops serve --mode MODE</c> as a real process on a free loopback port; its console is the operator's.</summary>
internal sealed partial class ExerciseServer : IAsyncDisposable
{
    private readonly CliProcess _console;

    private ExerciseServer(CliProcess console, int port)
    {
        _console = console;
        Port = port;
    }

    public int Port { get; }

    public static async Task<ExerciseServer> StartAsync(string mode)
    {
        var console = CliProcess.Start("serve", "--port", "0", "--bind", "127.0.0.1", "--mode", mode);
        try
        {
            // 30 s, as for the other serve processes: on 2 busy cores (browsers and student programs starting beside it) a
            // .NET process once took longer than the console's default 15 s to print its banner.
            var banner = await console.WaitForLineAsync("listening on port", TimeSpan.FromSeconds(30));
            return new ExerciseServer(console, int.Parse(PortPattern().Match(banner).Groups[1].Value, CultureInfo.InvariantCulture));
        }
        catch
        {
            await console.DisposeAsync();
            throw;
        }
    }

    /// <summary>The operator types a line on the console.</summary>
    public Task TypeAsync(string line) => _console.TypeAsync(line);

    /// <summary>Waits for a console line containing the text (earlier lines are passed over).</summary>
    public Task<string> WaitForLineAsync(string contains) => _console.WaitForLineAsync(contains);

    /// <summary>Waits for the console's next "IP:port connected" line.</summary>
    public Task<string> WaitForConnectionAsync() => _console.WaitForLineAsync(l => l.EndsWith(" connected", StringComparison.Ordinal));

    public Task<int> WaitForExitAsync() => _console.WaitForExitAsync();

    public ValueTask DisposeAsync() => _console.DisposeAsync();

    [GeneratedRegex(@"listening on port (\d+)")]
    private static partial Regex PortPattern();
}
