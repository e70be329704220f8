namespace ChatOps.History.Export;

/// <summary>One CSV field (RFC 4180), safe to open in a spreadsheet.</summary>
internal static class CsvCell
{
    /// <summary>
    /// Quotes fields holding a comma, a quote or a line break (quotes doubled). A field a spreadsheet would run as a
    /// formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe: students' text is data.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
