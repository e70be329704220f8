namespace ChatOps.History.Bans;

/// <summary>An IP turned away at the door, until <see cref="ExpiresAt"/> (null: until lifted).</summary>
public sealed record Ban(string Ip, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string By, string? Reason)
{
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is not { } end || now < end;
}
