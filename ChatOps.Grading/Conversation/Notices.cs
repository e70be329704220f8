namespace ChatOps.Grading.Conversation;

/// <summary>
/// Lines a server writes of its own accord. ChatOps and many students' servers start them with <c>* </c>; the checks
/// ignore them when they count answers (a relay's "joined" notices never hold a check's text, so they are ignored anyway).
/// </summary>
internal static class Notices
{
    public static bool IsNotice(ReceivedMessage message) => message.Text.StartsWith("* ", StringComparison.Ordinal);
}
