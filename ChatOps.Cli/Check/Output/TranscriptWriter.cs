using System.Globalization;
using System.Text;
using ChatOps.Cli.Check.Conversation;

namespace ChatOps.Cli.Check.Output;

/// <summary>
/// Writes each check's conversation to <c>DIR/NN-name.txt</c>: both directions, timestamped, as text (escaped) and as
/// hex, the evidence a teacher shows a student.
/// </summary>
internal sealed class TranscriptWriter(string directory, CheckTarget target, string exercise)
{
    // Per entry, the hex of the first bytes only: a flood of megabytes stays a readable file.
    private const int MaxHexBytes = 256;
    private const int MaxTextChars = 400;
    private int _index;

    /// <summary>Writes the file of one result (nothing for a check that did not run); returns its path.</summary>
    public async Task<string?> WriteAsync(CheckResult result, CancellationToken cancellationToken)
    {
        var index = ++_index;
        if (result.Transcript is not { } transcript)
            return null;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{index:D2}-{result.Name}.txt"));
        await File.WriteAllTextAsync(path, Format(result, transcript), new UTF8Encoding(false), cancellationToken);
        return path;
    }

    private string Format(CheckResult result, Transcript transcript)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"# chatops check {target}, exercise {exercise}");
        text.AppendLine(c, $"# {result.Name}: {result.Verdict.ToString().ToUpperInvariant()} in {(long)result.Elapsed.TotalMilliseconds} ms");
        text.AppendLine(c, $"# {result.Reason}");
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
