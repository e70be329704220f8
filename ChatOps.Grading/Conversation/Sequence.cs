using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOps.Grading.Conversation;

/// <summary>Numbered messages (<c>word-tag-007</c>) found in what a client received, in the order they arrived.</summary>
internal static class Sequence
{
    public static IReadOnlyList<int> Numbers(IEnumerable<string> texts, string prefix)
    {
        var pattern = new Regex(Regex.Escape(prefix) + "([0-9]{3})", RegexOptions.None, TimeSpan.FromSeconds(1));
        return texts.SelectMany(t => pattern.Matches(t)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>What is wrong with a sequence from <paramref name="sender"/> that should be 0…count-1 once each, in order (null when nothing is).</summary>
    public static CheckReason? Problem(IReadOnlyList<int> got, int count, string sender)
    {
        var missing = Enumerable.Range(0, count).Except(got).ToList();
        var twice = got.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
            return new CheckReason("Sequence.Lost", got.Distinct().Count(), count, sender, List(missing));
        if (twice.Count > 0)
            return new CheckReason("Sequence.Twice", sender, List(twice));
        for (var i = 1; i < got.Count; i++)
        {
            if (got[i] < got[i - 1])
                return new CheckReason("Sequence.OutOfOrder", sender, got[i] + 1, got[i - 1] + 1);
        }
        return null;
    }

    private static string List(List<int> numbers) =>
        string.Join(", ", numbers.Take(8).Select(n => "#" + (n + 1).ToString(CultureInfo.InvariantCulture))) + (numbers.Count > 8 ? "…" : "");
}
