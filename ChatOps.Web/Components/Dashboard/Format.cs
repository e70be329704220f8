using System.Globalization;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>Times and durations as the dashboard prints them: short durations and rates (times: <see cref="Clock.DisplayClock"/>).</summary>
internal static class Format
{
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => "now",
        { TotalMinutes: < 1 } => $"{(int)span.TotalSeconds} s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min {span.Seconds:00} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes:00} min",
    };

    public static string Ago(DateTimeOffset at, DateTimeOffset now) => now - at < TimeSpan.FromSeconds(1) ? "now" : $"{Duration(now - at)} ago";

    public static string Mode(TcpEngine.ChatMode mode) => mode.ToString().ToLowerInvariant();

    public static string Rate(double perSecond) => perSecond.ToString(perSecond < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
