using System.Text;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// The first message of a run finds the server's dialect: written without a newline, it is answered at once by a
/// server that reads messages (one <c>recv()</c>, or bytes and silence); a server that reads lines answers only once
/// the newline follows. Later messages are written the way the server reads.
/// </summary>
internal static class DialectProbe
{
    public static async Task<ReceivedMessage?> SendAsync(CheckSession session, CheckConnection sender, string text, CheckConnection listener, Func<ReceivedMessage, bool> answer)
    {
        var from = listener.MessageCount;
        if (session.Run.Dialect != Dialect.Unknown)
        {
            await session.SendAsync(sender, text);
            return await listener.WaitForAsync(answer, from, session.Options.Timeout, session.Token);
        }
        await sender.SendMessageAsync(text, Dialect.Messages, session.Token);
        var got = await listener.WaitForAsync(answer, from, session.Options.ProbeWait, session.Token);
        if (got is not null)
        {
            session.Run.Dialect = Dialect.Messages;
            session.Note($"the server answered a message without newline: messages are written without newline from now on, {Words.Duration(session.Options.MessagePause)} apart");
            return got;
        }
        await sender.SendRawAsync(Encoding.UTF8.GetBytes("\n"), session.Token);
        got = await listener.WaitForAsync(answer, from, session.Options.Timeout, session.Token);
        // No answer either way: lines, the lab's usual way, from now on, rather than finding out again in every check.
        session.Run.Dialect = Dialect.Lines;
        session.Note(got is not null
            ? "the server answered once the newline came: messages are written as lines from now on"
            : "no answer with or without newline: messages are written as lines from now on");
        return got;
    }
}
