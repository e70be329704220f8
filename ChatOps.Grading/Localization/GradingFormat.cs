using System.Globalization;

namespace ChatOps.Grading.Localization;

/// <summary>
/// Formats a phrase's values, and adds <c>{0:dur}</c>: milliseconds written as people say a duration (<c>150 ms</c>,
/// <c>5 s</c>, <c>1.5 s</c>), so that a duration stays a number in the data. Numbers keep the invariant format in both
/// languages, as on the dashboard (AddChatOpsLocalization) and in the console (CliText): only the words change.
/// </summary>
internal sealed class GradingFormat : IFormatProvider, ICustomFormatter
{
    public const string Duration = "dur";

    public static readonly GradingFormat Instance = new();

    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : CultureInfo.InvariantCulture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider) => (format, arg) switch
    {
        (Duration, long ms) => Words.Duration(TimeSpan.FromMilliseconds(ms)),
        (Duration, double ms) => Words.Duration(TimeSpan.FromMilliseconds(ms)),
        (_, IFormattable formattable) => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => arg?.ToString() ?? "",
    };
}
