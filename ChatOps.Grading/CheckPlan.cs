using ChatOps.Grading.Checks;
using ChatOps.TcpEngine;

namespace ChatOps.Grading;

/// <summary>The checks of each exercise, in the order they run (the order of the table in the issue); <c>arret</c> is always last.</summary>
public static class CheckPlan
{
    internal static IReadOnlyList<ICheck> For(ChatMode exercise) => exercise switch
    {
        ChatMode.Echo => [new ConnectCheck(), new EchoCheck(), .. Common(), new ClientCrashCheck(), new ChurnCheck(), new ArretCheck()],
        ChatMode.Sync or ChatMode.Async =>
            [new ConnectCheck(), new ReplyCheck(), .. Common(), new ReconnectCheck(), new ClientCrashCheck(), new ChurnCheck(), new ArretCheck()],
        _ => [new ConnectCheck(), new RelayBasicsCheck(), new OrderCheck(), new ConcurrentSendersCheck(), .. Common(),
            new ClientCrashCheck(), new SlowReaderCheck(), new ChurnCheck(), new ArretCheck()],
    };

    /// <summary>Every check name of an exercise, in order: what a grid shows before the results arrive.</summary>
    public static IReadOnlyList<string> Names(ChatMode exercise) => For(exercise).SelectMany(c => c.Names).ToList();

    private static ICheck[] Common() => [new SplitMessageCheck(), new CrlfCheck(), new Utf8Check(), new ByeCheck()];
}
