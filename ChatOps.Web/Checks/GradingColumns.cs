using ChatOps.Grading;
using ChatOps.TcpEngine;

namespace ChatOps.Web.Checks;

/// <summary>The grid's columns: the checks of the exercises on the page, each once, in the order they run.</summary>
internal static class GradingColumns
{
    // Relay first: it has the most checks; the others' own checks go right after the check they follow in their plan.
    private static readonly ChatMode[] Order = [ChatMode.Relay, ChatMode.Echo, ChatMode.Sync, ChatMode.Async];

    public static IReadOnlyList<string> For(IEnumerable<ChatMode> exercises)
    {
        var present = exercises.ToHashSet();
        var columns = new List<string>();
        foreach (var exercise in Order.Where(present.Contains))
        {
            var names = CheckPlan.Names(exercise);
            for (var i = 0; i < names.Count; i++)
            {
                if (columns.Contains(names[i]))
                    continue;
                var after = i == 0 ? -1 : columns.IndexOf(names[i - 1]);
                columns.Insert(after + 1, names[i]);
            }
        }
        return columns;
    }
}
