using System.Diagnostics;

namespace ChatOps.Grading.Checks;

/// <summary><c>connect</c>: a TCP connection is accepted within the timeout.</summary>
internal sealed class ConnectCheck : ICheck
{
    public IReadOnlyList<string> Names { get; } = ["connect"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var started = Stopwatch.GetTimestamp();
        await using var client = await session.ConnectAsync("A");
        var took = Words.Ms(Stopwatch.GetElapsedTime(started));
        return [CheckOutcome.Pass("connect", new("Connect.Pass", took))];
    }
}
