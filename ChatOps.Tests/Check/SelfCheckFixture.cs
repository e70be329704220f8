using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Grading;
using ChatOps.TcpEngine;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.Check;

/// <summary>
/// <c>chatops serve --mode X</c> for each exercise, checked by the check runner (all modes at once), with a test
/// typing the teacher's answers in sync and async, and <c>--arret</c> so that each server ends as the lab says.
/// </summary>
public sealed partial class SelfCheckFixture : IAsyncLifetime
{
    private readonly Dictionary<ChatMode, Run> _runs = [];

    internal Run this[ChatMode mode] => _runs[mode];

    public async ValueTask InitializeAsync()
    {
        var modes = Enum.GetValues<ChatMode>();
        var runs = await Task.WhenAll(modes.Select(RunAsync));
        for (var i = 0; i < modes.Length; i++)
            _runs[modes[i]] = runs[i];
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // ChatOps ends a message after a 150 ms pause (Chat:MessageGap). With the default 50 ms between the pieces of
    // split_message, a loaded 2-core runner once stretched a pause past 150 ms and the check saw two messages (the
    // machine's scheduling, not the rule under test): 20 ms pieces keep a 7-fold margin.
    // The grader's default timeout (5 s), as a teacher runs it, rather than the matrix's 2 s for small Python servers:
    // ChatOps may hold the others for up to 1.25 × Chat:StalledReaderTimeout (2.5 s) behind a client that never reads,
    // and holds a silent client's first lines for Chat:FirstLinesWait (2 s).
    private static CheckOptions Options { get; } = CheckMatrixFixture.Options with
    {
        Timeout = new CheckOptions().Timeout,
        SplitPause = TimeSpan.FromMilliseconds(20),
    };

    private static async Task<Run> RunAsync(ChatMode mode)
    {
        await using var serve = CliProcess.Start("serve", "--port", "0", "--bind", "127.0.0.1", "--mode", mode.ToString().ToLowerInvariant());
        var banner = await serve.WaitForLineAsync("listening on port", TimeSpan.FromSeconds(30));
        var port = int.Parse(PortPattern().Match(banner).Groups[1].Value, CultureInfo.InvariantCulture);
        using var stop = new CancellationTokenSource();
        var teacher = mode is ChatMode.Sync or ChatMode.Async
            ? ServeOperator.AnswerAsync(serve, mode == ChatMode.Sync, stop.Token)
            : Task.CompletedTask;

        var results = new List<CheckResult>();
        var target = new CheckTarget("127.0.0.1", new IPEndPoint(IPAddress.Loopback, port));
        await foreach (var result in CheckRunner.RunAsync(target, mode, Options))
            results.Add(result);
        var exitCode = await serve.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await teacher;
        return new Run(results, exitCode);
    }

    [GeneratedRegex(@"listening on port (\d+)")]
    private static partial Regex PortPattern();

    internal sealed record Run(IReadOnlyList<CheckResult> Results, int ExitCode);
}
