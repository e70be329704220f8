using System.Globalization;
using System.Text;
using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Reports;

/// <summary>
/// A check's conversation as plain text: both directions, timestamped, as text (escaped) and as hex, the evidence a
/// teacher shows a student. The server's bytes are escaped, never interpreted: the text is safe in a file or a
/// terminal, and becomes safe in a page once HTML-encoded like any text.
/// </summary>
public static class TranscriptText
{
    // Per entry, the hex of the first bytes only: a flood of megabytes stays a readable file.
    private const int MaxHexBytes = 256;
    private const int MaxTextChars = 400;

    /// <summary>
    /// The transcript of <paramref name="result"/> with a header naming the run, its reason in <paramref name="language"/>
    /// (the current UI culture when null); null for a check that did not run. The conversation's notes stay in English:
    /// they are the checker's log, read next to the bytes.
    /// </summary>
    public static string? Format(CheckResult result, CheckTarget target, string exercise, CultureInfo? language = null)
    {
        if (result.Transcript is not { } transcript)
            return null;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"# chatops check {target}, exercise {exercise}");
        text.AppendLine(c, $"# {result.Name}: {result.Verdict.ToString().ToUpperInvariant()} in {(long)result.Elapsed.TotalMilliseconds} ms");
        text.AppendLine(c, $"# {result.Reason.Text(language ?? CultureInfo.CurrentUICulture)}");
        text.AppendLine("# time (s)  who  > sent by the checker, < received from the server, * event");
        foreach (var entry in transcript.Entries)
            Append(text, entry);
        if (transcript.DroppedBytes > 0)
            text.AppendLine(c, $"# {transcript.DroppedBytes} more bytes went by; not kept (the transcript keeps {Transcript.MaxBytes} bytes)");
        return text.ToString();
    }

    private static void Append(StringBuilder text, TranscriptEntry entry)
    {
        var c = CultureInfo.InvariantCulture;
        var head = string.Create(c, $"{entry.At.TotalSeconds,9:0.000}  {entry.Who,-4}");
        if (entry.Bytes is not { } bytes)
        {
            text.AppendLine(c, $"{head} * {entry.Text}");
            return;
        }
        var arrow = entry.Direction == TranscriptDirection.Sent ? '>' : '<';
        var decoded = Encoding.UTF8.GetString(bytes);
        var shown = decoded.Length > MaxTextChars ? Words.Escape(decoded[..MaxTextChars]) + "…" : Words.Escape(decoded);
        text.AppendLine(c, $"{head} {arrow} {bytes.Length,5} bytes  \"{shown}\"");
        var hexBytes = Math.Min(bytes.Length, MaxHexBytes);
        for (var row = 0; row < hexBytes; row += 16)
        {
            var span = bytes.AsSpan(row, Math.Min(16, hexBytes - row));
            var hex = string.Join(' ', span.ToArray().Select(b => b.ToString("x2", c)));
            var ascii = new string(span.ToArray().Select(b => b is >= 0x20 and < 0x7f ? (char)b : '.').ToArray());
            text.AppendLine(c, $"{"",16}{hex,-48}  |{ascii}|");
        }
        if (bytes.Length > MaxHexBytes)
            text.AppendLine(c, $"{"",16}… {bytes.Length - MaxHexBytes} more bytes");
    }
}
