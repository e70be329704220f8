using System.Globalization;

namespace ChatOps.Web.Clock;

/// <summary>
/// The time zone every time on a page is shown in, and read back from the pickers in: the browser's (asked once per
/// circuit by the layout) or <c>Dashboard:TimeZone</c>. The database and the exports stay in UTC.
/// </summary>
/// <remarks>
/// Zones are IANA ids (<c>Europe/Paris</c>), which .NET reads from the system's tzdata even with InvariantGlobalization.
/// </remarks>
public sealed class DisplayClock
{
    /// <summary>Until the browser has said its zone (prerendering, or a test without a layout): the server's own zone.</summary>
    public static DisplayClock Server { get; } = new(TimeZoneInfo.Local);

    public DisplayClock(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>What the pages print next to times, e.g. <c>Europe/Paris</c>.</summary>
    public string Name => Zone.Id;

    /// <summary>The zone, or null when this machine does not know the id (a typo, an old browser, no tzdata).</summary>
    public static DisplayClock? TryFind(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return null;
        try
        {
            return new DisplayClock(TimeZoneInfo.FindSystemTimeZoneById(id.Trim()));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary><c>HH:mm:ss</c>, for the live dashboard.</summary>
    public string Time(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, for the records; "–" for no time.</summary>
    public string Show(DateTimeOffset? at) =>
        at is { } t ? Local(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "–";

    /// <summary>The instant a wall-clock time of this zone names (what the date and time pickers give).</summary>
    /// <remarks>
    /// A time skipped when clocks go forward (02:30 on the last Sunday of March in Paris) is taken an hour later; an hour
    /// that happens twice when they go back is taken as standard time.
    /// </remarks>
    public DateTimeOffset ToInstant(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
            unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone), TimeSpan.Zero);
    }
}
