namespace ChatOps.Grading.Conversation;

/// <summary>One message from the server: a line (without its line end) or bytes followed by silence.</summary>
internal sealed record ReceivedMessage(string Text, bool EndedByNewline, TimeSpan At)
{
    public bool Contains(string text) => Text.Contains(text, StringComparison.Ordinal);
}
