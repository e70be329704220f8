using System.Text;

namespace ChatOps.History.Export;

/// <summary>One CSV field (RFC 4180), safe to open in a spreadsheet whether it splits at <c>,</c> or at <c>;</c>.</summary>
internal static class CsvCell
{
    /// <summary>
    /// Quotes fields holding a comma, a semicolon, a quote or a line break (quotes doubled). Students' text is data: no
    /// piece of it may start a spreadsheet cell with a formula character (= + - @, a tab or a carriage return), so such
    /// a character gets an apostrophe in front wherever a cell could start: at the start of the field, and after a
    /// <c>;</c> or a line break inside it. A spreadsheet in a <c>;</c> locale (French Excel) splits a row at every
    /// <c>;</c> and does not see the quotes of a field that starts elsewhere in the row: without this, <c>x;=2*21</c>
    /// would give a cell <c>=2*21</c>. Spaces before the character do not protect it (some importers trim them).
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        value = Defuse(value);
        return value.AsSpan().IndexOfAny(",;\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Defuse(string value)
    {
        StringBuilder? defused = null;
        var cellStart = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (cellStart && c is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                defused ??= new StringBuilder(value.Length + 4).Append(value, 0, i);
                defused.Append('\'');
            }
            defused?.Append(c);
            if (c is ';' or '\n' or '\r')
                cellStart = true;
            else if (c != ' ')
                cellStart = false;
        }
        return defused?.ToString() ?? value;
    }
}
