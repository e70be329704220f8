using CsvHelper;

namespace ChatOps.Tests.History;

/// <summary>Reads an export back with CsvHelper, strict RFC 4180, as a spreadsheet would: bad quoting or ragged rows throw.</summary>
internal static class CsvRows
{
    public static List<string[]> Parse(string csv)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions
        {
            Mode = CsvMode.Rfc4180,
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        });
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return rows;
    }
}
