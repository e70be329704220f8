using System.Text;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Queries;

/// <summary>Turns a <see cref="LineQuery"/> into a WHERE clause with parameters: user text never becomes SQL.</summary>
internal static class LineFilter
{
    public static string Apply(SqliteCommand command, LineQuery query)
    {
        var conditions = new List<string>();
        if (query.LabSessionId is { } session)
        {
            conditions.Add("lab_session_id = $session");
            command.Parameters.AddWithValue("$session", session);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Both sides folded (lower case, no accents): CAFÉ finds café, Ecole finds École.
            conditions.Add(@"text_folded LIKE $text ESCAPE '\'");
            command.Parameters.AddWithValue("$text", "%" + EscapeLike(TextFold.Fold(query.Text.Trim())) + "%");
        }
        if (!string.IsNullOrWhiteSpace(query.Ip))
        {
            conditions.Add(@"ip LIKE $ip ESCAPE '\'");
            command.Parameters.AddWithValue("$ip", EscapeLike(query.Ip.Trim()) + "%");
        }
        if (query.From is { } from)
        {
            conditions.Add("at >= $from");
            command.Parameters.AddWithValue("$from", UnixMs.From(from));
        }
        if (query.To is { } to)
        {
            conditions.Add("at < $to");
            command.Parameters.AddWithValue("$to", UnixMs.From(to));
        }
        return conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
    }

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
