namespace ChatOps.TcpEngine.Options;

/// <summary>
/// In sync and async rooms, how ChatOps answers a served client's line when the teacher lets it (<c>Chat:AutoReply</c>,
/// <c>Chat:Rooms:&lt;name&gt;:AutoReply</c>): <c>off</c>, <c>echo</c> (the line itself) or <c>text:&lt;reply&gt;</c> (always
/// that reply). Thirty students can then try their clients without the teacher typing every answer; the teacher can
/// still type lines to the served client.
/// </summary>
public readonly record struct AutoReply
{
    public const string ActorName = "auto-reply";

    private readonly string? _text;

    private AutoReply(AutoReplyKind kind, string text)
    {
        Kind = kind;
        _text = text;
    }

    public static AutoReply Off => default;

    public static AutoReply Echo => new(AutoReplyKind.Echo, "");

    public AutoReplyKind Kind { get; }

    /// <summary>The fixed reply of <see cref="AutoReplyKind.Text"/>; empty otherwise.</summary>
    public string Text => _text ?? "";

    public bool IsOn => Kind != AutoReplyKind.Off;

    /// <summary>A fixed reply; null when <paramref name="text"/> is blank (a blank line is no answer).</summary>
    public static AutoReply? Fixed(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : new AutoReply(AutoReplyKind.Text, text.Trim());

    /// <summary>Parses <c>off</c>, <c>echo</c> or <c>text:&lt;reply&gt;</c> (case-insensitive keyword; the reply is kept as typed).</summary>
    public static bool TryParse(string? value, out AutoReply reply)
    {
        reply = Off;
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Equals("off", StringComparison.OrdinalIgnoreCase))
            return true;
        if (trimmed.Equals("echo", StringComparison.OrdinalIgnoreCase))
        {
            reply = Echo;
            return true;
        }
        if (trimmed.StartsWith("text:", StringComparison.OrdinalIgnoreCase) && Fixed(trimmed["text:".Length..]) is { } text)
        {
            reply = text;
            return true;
        }
        return false;
    }

    /// <summary>The answer to <paramref name="line"/>, or null when off.</summary>
    public string? ReplyTo(string line) => Kind switch
    {
        AutoReplyKind.Echo => line,
        AutoReplyKind.Text => Text,
        _ => null,
    };

    /// <summary>The configuration form: <c>off</c>, <c>echo</c> or <c>text:&lt;reply&gt;</c>.</summary>
    public override string ToString() => Kind switch
    {
        AutoReplyKind.Echo => "echo",
        AutoReplyKind.Text => "text:" + Text,
        _ => "off",
    };
}

public enum AutoReplyKind
{
    Off,
    Echo,
    Text,
}
