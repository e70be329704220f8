using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Grading;

/// <summary>
/// <c>{"key": "Echo.Pass", "args": [3, "\"bonjour\"", {"key": ..., "args": [...]}]}</c>: strings as strings, numbers as
/// numbers (whole ones read back as long), nested reasons as objects.
/// </summary>
internal sealed class CheckReasonJsonConverter : JsonConverter<CheckReason>
{
    // A reason nests a few levels at most (bye → round trip → "nothing"); a deeper document is not one of ours.
    private const int MaxDepth = 8;

    public override CheckReason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadReason(ref reader, 0);

    public override void Write(Utf8JsonWriter writer, CheckReason value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("key", value.Key);
        writer.WritePropertyName("args");
        WriteArgs(writer, value.Args);
        writer.WriteEndObject();
    }

    /// <summary>The values alone, as a JSON array (a report's <c>reason_args</c>).</summary>
    public static void WriteArgs(Utf8JsonWriter writer, IReadOnlyList<object> args)
    {
        writer.WriteStartArray();
        foreach (var arg in args)
        {
            switch (arg)
            {
                case string s: writer.WriteStringValue(s); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d: writer.WriteNumberValue(d); break;
                case CheckReason r:
                    writer.WriteStartObject();
                    writer.WriteString("key", r.Key);
                    writer.WritePropertyName("args");
                    WriteArgs(writer, r.Args);
                    writer.WriteEndObject();
                    break;
            }
        }
        writer.WriteEndArray();
    }

    private static CheckReason ReadReason(ref Utf8JsonReader reader, int depth)
    {
        if (reader.TokenType != JsonTokenType.StartObject || depth > MaxDepth)
            throw new JsonException("a reason is an object {\"key\", \"args\"}");
        string? key = null;
        var args = new List<object>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "key")
            {
                key = reader.GetString();
            }
            else if (name == "args" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    args.Add(ReadArg(ref reader, depth));
            }
            else
            {
                reader.Skip();
            }
        }
        return string.IsNullOrWhiteSpace(key) ? throw new JsonException("a reason needs a key") : new CheckReason(key, [.. args]);
    }

    private static object ReadArg(ref Utf8JsonReader reader, int depth) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => reader.TryGetInt64(out var whole) ? (object)whole : reader.GetDouble(),
        JsonTokenType.StartObject => ReadReason(ref reader, depth + 1),
        _ => throw new JsonException("a reason's value is a string, a number or a reason"),
    };
}
