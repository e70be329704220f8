using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOps.Grading.Localization;

namespace ChatOps.Grading;

/// <summary>
/// Why a check passed, failed or was skipped, as data: a phrase of <see cref="GradingText"/> (its key) and the values
/// it quotes, so that each reader gets the sentence in their own language: the dashboard in the browser's, the
/// command in the system's. The values stay what they are: the server's text quoted and escaped (never translated,
/// never markup), numbers of bytes, messages and milliseconds, and reasons nested in this one.
/// </summary>
[JsonConverter(typeof(CheckReasonJsonConverter))]
public sealed record CheckReason
{
    /// <param name="key">A key of GradingText.resx (<c>Echo.Pass</c>).</param>
    /// <param name="args">Strings, whole numbers, decimals or nested reasons: what the phrase's placeholders show.</param>
    public CheckReason(string key, params object[] args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(args);
        Key = key;
        // Whole numbers as long, so that a reason read back from JSON is equal to the one written.
        Args = [.. args.Select(a => a switch
        {
            string or long or double or CheckReason => a,
            int i => (long)i,
            _ => throw new ArgumentException($"{a?.GetType().Name ?? "null"} is not a value a reason can keep (string, number or reason).", nameof(args)),
        })];
    }

    /// <summary>The phrase's key, part of the JSON contract (<c>reason_key</c>, see docs/grading.md).</summary>
    public string Key { get; }

    /// <summary>The phrase's values, in the order of its placeholders (<c>reason_args</c>).</summary>
    public IReadOnlyList<object> Args { get; }

    /// <summary>A text kept from before reasons were phrases (a grading run stored by an older ChatOps): shown as it is.</summary>
    public static CheckReason Literal(string text) => new("Text", text);

    /// <summary>The sentence in <paramref name="culture"/>'s language (English unless it is French).</summary>
    public string Text(CultureInfo culture) => GradingText.Format(this, culture);

    /// <summary>The English sentence: for logs, exceptions and tests' messages.</summary>
    public override string ToString() => Text(CultureInfo.InvariantCulture);

    public bool Equals(CheckReason? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Key, Args.Count);

    /// <summary>This reason as a JSON object, <c>{"key": "...", "args": [...]}</c>: what the history stores.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The reason <see cref="ToJson"/> wrote; null for null, empty or malformed text.</summary>
    public static CheckReason? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<CheckReason>(json);
        }
        catch (JsonException)
        {
            // A row written by hand or damaged: the caller falls back to the stored text.
            return null;
        }
    }
}
