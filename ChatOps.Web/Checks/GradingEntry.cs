using System.Globalization;
using ChatOps.Grading;

namespace ChatOps.Web.Checks;

/// <summary>The rules for one target, the same for the form and the CSV import.</summary>
internal static class GradingEntry
{
    // A name or a seat, as a teacher writes it; long enough for "Firstname Lastname (seat 12)".
    public const int MaxStudentLength = 80;

    // The longest DNS name.
    public const int MaxHostLength = 253;

    /// <summary>Null when the values make a target; otherwise what is wrong, in one line.</summary>
    public static string? Check(string student, string host, string port, string exercise)
    {
        if (string.IsNullOrWhiteSpace(student) || student.Length > MaxStudentLength)
            return $"the student's name or seat must have 1 to {MaxStudentLength} characters";
        if (string.IsNullOrWhiteSpace(host) || host.Length > MaxHostLength || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return $"the host must be a name or an IP address (got \"{Words.Escape(Cut(host))}\")";
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            return $"the port must be a number from 1 to 65535 (got \"{Words.Escape(Cut(port))}\")";
        if (!Exercises.TryParse(exercise, out _))
            return $"the exercise must be echo, sync, async or relay (got \"{Words.Escape(Cut(exercise))}\")";
        return null;
    }

    /// <summary>The target for values that passed <see cref="Check"/>.</summary>
    public static GradingTarget Target(string student, string host, string port, string exercise)
    {
        if (!Exercises.TryParse(exercise, out var mode))
            throw new ArgumentException($"Not an exercise: '{exercise}'.", nameof(exercise));
        return new GradingTarget(student.Trim(), host.Trim(), int.Parse(port, CultureInfo.InvariantCulture), mode);
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
