using System.Text;

namespace ChatOps.Tests.History;

/// <summary>A strict RFC 4180 reader, to read the exports back as a spreadsheet would.</summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                for (i++; ; i++)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                        field.Append(csv[++i]);
                    else if (csv[i] == '"')
                        break;
                    else
                        field.Append(csv[i]);
                }
                i++;
            }
            else if (csv[i] == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (csv[i] == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i += 2;
            }
            else
            {
                field.Append(csv[i++]);
            }
        }
        if (field.Length > 0 || row.Count > 0)
            throw new FormatException("the last row does not end with CRLF");
        return rows;
    }
}
