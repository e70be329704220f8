namespace ChatOps.Web.Components.Records;

/// <summary>What the ban dialog asks: how long (null: until lifted) and why.</summary>
internal sealed record BanRequest(TimeSpan? Duration, string? Reason);
