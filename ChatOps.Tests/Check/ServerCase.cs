using ChatOps.Grading;
using ChatOps.TcpEngine;

namespace ChatOps.Tests.Check;

/// <summary>A student-style server (no script: a port where nothing listens) and the verdict every check must give it.</summary>
internal sealed record ServerCase(string Name, ChatMode Exercise, string? Script, string[] Args, IReadOnlyDictionary<string, CheckVerdict> Expected)
{
    /// <summary>Every check of the exercise passes, except the ones named.</summary>
    public static ServerCase Of(string name, ChatMode exercise, string? script, string[] args, params (string Check, CheckVerdict Verdict)[] except)
    {
        var expected = CheckPlan.Names(exercise).ToDictionary(n => n, _ => CheckVerdict.Pass);
        foreach (var (check, verdict) in except)
        {
            if (!expected.ContainsKey(check))
                throw new ArgumentException($"{check} is not a check of {exercise}");
            expected[check] = verdict;
        }
        return new ServerCase(name, exercise, script, args, expected);
    }

    /// <summary>From the named check on, every later check gets <paramref name="verdict"/>.</summary>
    public static (string, CheckVerdict)[] From(ChatMode exercise, string first, CheckVerdict verdict) =>
        CheckPlan.Names(exercise).SkipWhile(n => n != first).Skip(1).Select(n => (n, verdict)).ToArray();
}
