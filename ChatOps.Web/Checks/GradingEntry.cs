using System.Globalization;
using ChatOps.Grading;
using Microsoft.Extensions.Localization;

namespace ChatOps.Web.Checks;

/// <summary>The rules for one target, the same for the form and the CSV import.</summary>
internal static class GradingEntry
{
    // A name or a seat, as a teacher writes it; long enough for "Firstname Lastname (seat 12)".
    public const int MaxStudentLength = 80;

    // The longest DNS name.
    public const int MaxHostLength = 253;

    /// <summary>Null when the values make a target; otherwise what is wrong, in one line of the page's language.</summary>
    public static string? Check(string student, string host, string port, string exercise, IStringLocalizer text)
    {
        if (string.IsNullOrWhiteSpace(student) || student.Length > MaxStudentLength)
            return text["Checks.Entry.Student", MaxStudentLength];
        if (string.IsNullOrWhiteSpace(host) || host.Length > MaxHostLength || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return text["Checks.Entry.Host", Words.Escape(Cut(host))];
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            return text["Checks.Entry.Port", Words.Escape(Cut(port))];
        if (!Exercises.TryParse(exercise, out _))
            return text["Checks.Entry.Exercise", Words.Escape(Cut(exercise))];
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
