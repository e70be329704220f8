using System.Globalization;

namespace ChatOps.Web.Components.Records;

/// <summary>Dates as the history pages print and read them: UTC, <c>yyyy-MM-dd HH:mm:ss</c>, like the exports.</summary>
internal static class When
{
    public const string Hint = "yyyy-MM-dd HH:mm (UTC)";

    public static string Show(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "–";

    /// <summary>Empty text is no bound; text that is not a date is an error the page shows.</summary>
    public static bool TryRead(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        at = parsed;
        return true;
    }
}
