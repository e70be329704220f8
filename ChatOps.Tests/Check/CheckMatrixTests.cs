using System.Globalization;
using ChatOps.Grading;

namespace ChatOps.Tests.Check;

/// <summary>Every student-style server gets the exact verdict expected for every check of its exercise.</summary>
public sealed class CheckMatrixTests(CheckMatrixFixture matrix) : IClassFixture<CheckMatrixFixture>
{
    public static TheoryData<string> Servers => new(ServerCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Servers))]
    public void Every_check_gives_the_expected_verdict(string server)
    {
        var expected = ServerCases.Named(server).Expected;
        var run = matrix[server];
        var report = string.Join('\n', run.Results.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Name,-19}{r.Verdict,-5} {(long)r.Elapsed.TotalMilliseconds,6} ms  {r.Reason}")));
        Assert.True(
            expected.SequenceEqual(run.Results.Select(r => KeyValuePair.Create(r.Name, r.Verdict))),
            $"{server} (checked in {run.Elapsed.TotalSeconds:0.0} s; the matrix in {matrix.Elapsed.TotalSeconds:0.0} s):\n{report}\n\nexpected:\n"
            + string.Join('\n', expected.Select(e => $"{e.Key,-19}{e.Value}")));
        // Every reason the run gave is a phrase of both languages (a missing one shows as its key and values).
        Assert.All(run.Results, r => Assert.All([CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("fr")],
            c => Assert.DoesNotContain(r.Reason.Key + "(", r.Reason.Text(c), StringComparison.Ordinal)));
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"{server}: checked in {run.Elapsed.TotalSeconds:0.0} s (the matrix in {matrix.Elapsed.TotalSeconds:0.0} s)");
    }

    [Fact]
    public void Every_check_has_a_server_that_passes_it_and_one_that_fails_it()
    {
        var names = ServerCases.All.SelectMany(c => c.Expected.Keys).Distinct();
        foreach (var name in names)
        {
            Assert.Contains(ServerCases.All, c => c.Expected.GetValueOrDefault(name) == CheckVerdict.Pass);
            Assert.True(ServerCases.All.Any(c => c.Expected.GetValueOrDefault(name, CheckVerdict.Pass) == CheckVerdict.Fail), $"no server fails {name}");
        }
    }
}
