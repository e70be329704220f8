using ChatOps.TcpEngine;

namespace ChatOps.Grading;

/// <summary>The exercises as the lab and the JSON contract name them: <c>echo</c>, <c>sync</c>, <c>async</c>, <c>relay</c>.</summary>
public static class Exercises
{
    /// <summary>The exercise named <paramref name="value"/> (any case); false for anything else, numbers included.</summary>
    public static bool TryParse(string? value, out ChatMode exercise) =>
        Enum.TryParse(value, ignoreCase: true, out exercise) && Enum.IsDefined(exercise) && !int.TryParse(value, out _);

    /// <summary>The lower-case name: <c>relay</c> for <see cref="ChatMode.Relay"/>.</summary>
    public static string Name(ChatMode exercise) => exercise.ToString().ToLowerInvariant();
}
