using System.Text.RegularExpressions;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.Check;

/// <summary>
/// Types the teacher's answers into <c>chatops serve</c> in sync and async, as a teacher would: each line a client
/// sends is typed back as the answer. In sync, it answers the console's "waits for your reply to: …"; in async, each
/// client line it prints. Protocol words and notices are not answered.
/// </summary>
internal static partial class ServeOperator
{
    public static async Task AnswerAsync(CliProcess serve, bool sync, CancellationToken cancellationToken)
    {
        try
        {
            while (await serve.ReadLineAsync(cancellationToken) is { } line)
            {
                var match = (sync ? ReplyAwaited() : ClientLine()).Match(line);
                if (!match.Success)
                    continue;
                var text = match.Groups["text"].Value;
                if (text.Trim() is "bye" or "arret" || text.StartsWith("* ", StringComparison.Ordinal))
                    continue;
                await serve.TypeAsync(text);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The check is over, or the server stopped (arret) and closed its input.
        }
    }

    [GeneratedRegex(@"waits for your reply to: (?<text>.*)$")]
    private static partial Regex ReplyAwaited();

    // "12:00:01 127.0.0.2:41234 > bonjour": a client's line (the operator's own are "you > …").
    [GeneratedRegex(@"^\S+ [0-9a-fA-F:.\[\]]+:\d+ > (?<text>.*)$")]
    private static partial Regex ClientLine();
}
