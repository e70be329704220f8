using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Grading.Reports;

/// <summary>Writes a reason's values as <see cref="CheckReasonJsonConverter"/> does (strings, numbers, nested reasons).</summary>
internal sealed class ReasonArgsJsonConverter : JsonConverter<IReadOnlyList<object>>
{
    public override IReadOnlyList<object> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("reports are written, not read");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<object> value, JsonSerializerOptions options) =>
        CheckReasonJsonConverter.WriteArgs(writer, value);
}
