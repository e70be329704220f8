namespace ChatOps.History.Storage;

internal static class UnixMs
{
    public static long From(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset To(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static object? From(DateTimeOffset? at) => at is { } a ? a.ToUnixTimeMilliseconds() : DBNull.Value;
}
