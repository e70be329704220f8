namespace ChatOps.TcpEngine.Options;

/// <summary>What a room's name may be: it appears in URLs, metrics tags, the history and <c>serve --room NAME:PORT:MODE</c>.</summary>
public static class RoomNames
{
    public const int MaxLength = 32;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
