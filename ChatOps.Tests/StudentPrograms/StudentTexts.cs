namespace ChatOps.Tests.StudentPrograms;

/// <summary>What the students type (accents, the euro sign, an emoji where the encoding has one) and how each client reads a line.</summary>
internal static class StudentTexts
{
    public static string Message(StudentClient client) => WithEmoji(client, "bonjour é à ç €");

    public static string Reply(StudentClient client) => WithEmoji(client, "réponse è ù ç €");

    public static string Greeting(StudentClient client) => WithEmoji(client, "bienvenue à vous");

    /// <summary>How the client prints a line the server sent: telnet gets <c>\r\n</c>, a <c>readUTF</c> reads a record.</summary>
    public static string Line(StudentClient client, string text) => client switch
    {
        StudentClient.Telnet or StudentClient.TelnetCrNul => text + "\r\n",
        StudentClient.JavaWriteUtf => text,
        _ => text + "\n",
    };

    /// <summary>How the client types bye: the telnet user fixes a typo (<c>by</c>, <c>x</c>, DEL, <c>e</c>).</summary>
    /// <summary>
    /// Clients whose encoding the server learns only from their first bytes (UTF-16 without a BOM written yet, writeUTF):
    /// what the server sends before they speak (the welcome) waits for those bytes, so they speak first.
    /// </summary>
    public static bool SpeaksFirst(StudentClient client) => client is StudentClient.JavaWriteUtf or StudentClient.CSharpUtf16;

    public static string Bye(StudentClient client) => client is StudentClient.Telnet or StudentClient.TelnetCrNul ? @"byx\be" : "bye";

    // Windows-1252 has é, à, ç and € but no emoji.
    private static string WithEmoji(StudentClient client, string text) => client == StudentClient.PythonWindows1252 ? text : text + " 🙂";
}
