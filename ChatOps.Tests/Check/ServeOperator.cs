using System.Text.RegularExpressions;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.Check;

/// <summary>
/// Types the teacher's answers into <c>chatops serve</c> in sync and async, as a teacher would: each line a client
/// sends is typed back as the answer. In sync, it answers the console's "waits for your reply to: …". In async, it
/// answers the lines of the client being served; a waiting client's lines are answered once its turn comes ("now
/// serving …"), as a teacher reading the screen would. Protocol words and notices are not answered.
/// </summary>
internal static partial class ServeOperator
{
    public static async Task AnswerAsync(CliProcess serve, bool sync, CancellationToken cancellationToken)
    {
        var served = "";
        var held = new Dictionary<string, List<string>>();
        try
        {
            while (await serve.ReadLineAsync(cancellationToken) is { } line)
            {
                if (sync)
                {
                    if (ReplyAwaited().Match(line) is { Success: true } awaited && Answerable(awaited.Groups["text"].Value))
                        await serve.TypeAsync(awaited.Groups["text"].Value);
                    continue;
                }
                if (NowServing().Match(line) is { Success: true } serving)
                {
                    served = serving.Groups["who"].Value;
                    foreach (var text in held.Remove(served, out var waiting) ? waiting : [])
                        await serve.TypeAsync(text);
                }
                else if (ClientLine().Match(line) is { Success: true } client && Answerable(client.Groups["text"].Value))
                {
                    var who = client.Groups["who"].Value;
                    if (who == served)
                        await serve.TypeAsync(client.Groups["text"].Value);
                    else
                        (held.TryGetValue(who, out var list) ? list : held[who] = []).Add(client.Groups["text"].Value);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The check is over, or the server stopped (arret) and closed its input.
        }
    }

    private static bool Answerable(string text) => text.Trim() is not ("bye" or "arret") && !text.StartsWith("* ", StringComparison.Ordinal);

    [GeneratedRegex(@"waits for your reply to: (?<text>.*)$")]
    private static partial Regex ReplyAwaited();

    [GeneratedRegex(@"now serving (?<who>\S+) \(")]
    private static partial Regex NowServing();

    // "12:00:01 127.0.0.2:41234 > bonjour": a client's line (the operator's own are "you > …").
    [GeneratedRegex(@"^\S+ (?<who>[0-9a-fA-F:.\[\]]+:\d+) > (?<text>.*)$")]
    private static partial Regex ClientLine();
}
