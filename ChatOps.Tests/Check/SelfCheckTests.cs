using ChatOps.Grading;
using ChatOps.TcpEngine;

namespace ChatOps.Tests.Check;

/// <summary>ChatOps's own modes pass their own checks: <c>chatops check</c> against <c>chatops serve --mode X</c> is all PASS.</summary>
public sealed class SelfCheckTests(SelfCheckFixture runs) : IClassFixture<SelfCheckFixture>
{
    [Theory]
    [InlineData(ChatMode.Echo)]
    [InlineData(ChatMode.Sync)]
    [InlineData(ChatMode.Async)]
    [InlineData(ChatMode.Relay)]
    public void Chatops_serve_passes_every_check_of_its_exercise_and_arret_ends_it_with_exit_code_0(ChatMode mode)
    {
        var run = runs[mode];
        Assert.Equal(CheckPlan.Names(mode), run.Results.Select(r => r.Name));
        var failed = run.Results.Where(r => r.Verdict != CheckVerdict.Pass).Select(r => $"{r.Name} {r.Verdict}: {r.Reason}");
        Assert.True(!failed.Any(), string.Join('\n', failed));
        Assert.Equal(0, run.ExitCode);
    }
}
