namespace ChatOps.Web.Components.Records;

/// <summary>A search's time bounds as instants: <see cref="From"/> inclusive, <see cref="To"/> exclusive; null is no bound.</summary>
public sealed record TimeRange(DateTimeOffset? From, DateTimeOffset? To)
{
    public static TimeRange Any { get; } = new(null, null);
}
