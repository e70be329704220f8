using System.Text.Json;
using ChatOps.History.Queries;

namespace ChatOps.History.Export;

internal static class TranscriptJson
{
    public static void WriteSession(Utf8JsonWriter json, LabSessionSummary s)
    {
        json.WriteStartObject();
        json.WriteNumber("id", s.Id);
        json.WriteString("room", s.Room);
        json.WriteString("startedAt", s.StartedAt);
        json.WriteString("mode", s.Mode);
        json.WriteString("endpoints", s.Endpoints);
        WriteOptional(json, "stoppedAt", s.StoppedAt);
        json.WriteString("stopReason", s.StopReason);
        json.WriteString("stoppedBy", s.StoppedBy);
        json.WriteNumber("lineCount", s.LineCount);
        json.WriteEndObject();
    }

    public static void WriteLine(Utf8JsonWriter json, HistoryLine line, string? name)
    {
        json.WriteStartObject();
        json.WriteNumber("id", line.Id);
        json.WriteString("at", line.At);
        json.WriteString("kind", line.Kind.ToString());
        WriteOptional(json, "client", line.ClientId);
        json.WriteString("ip", line.Ip);
        WriteOptional(json, "port", line.Port);
        json.WriteString("name", name);
        json.WriteString("text", line.Text);
        json.WriteString("actor", line.Actor);
        json.WriteString("detail", line.Detail);
        WriteOptional(json, "recipients", line.Recipients);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } v)
            json.WriteString(name, v);
        else
            json.WriteNull(name);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }
}
