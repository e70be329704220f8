using System.Text;
using System.Text.Json;
using ChatOps.History.Export;

namespace ChatOps.Tests.History;

/// <summary>Students' text in exports is data: it reads back unchanged and never becomes markup or a formula.</summary>
public sealed class TranscriptExportTests : IDisposable
{
    private const string Script = "<script>alert(\"x\")</script>";
    private const string Commas = "a,b \"quoted\", c";
    private const string Formula = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    private const string SemicolonFormula = "x;=2*21;";
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Csv_export_quotes_and_doubles_quotes_and_defuses_formulas()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        var session = await SendPayloadsAsync(host);

        using var output = new MemoryStream();
        Assert.True(await host.Export.WriteCsvAsync(session, output, Ct));

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("\"<script>alert(\"\"x\"\")</script>\"", csv, StringComparison.Ordinal);
        var rows = CsvRows.Parse(csv);
        var textColumn = Array.IndexOf(rows[0], "text");
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        var texts = rows.Skip(1).Select(r => r[textColumn]).ToList();
        Assert.Contains(Script, texts);
        Assert.Contains(Commas, texts);
        Assert.Contains("'" + Formula, texts);
        Assert.DoesNotContain(Formula, texts);
    }

    [Fact]
    public async Task Json_export_reads_back_unchanged_and_carries_no_markup_characters()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        var session = await SendPayloadsAsync(host);

        using var output = new MemoryStream();
        Assert.True(await host.Export.WriteJsonAsync(session, output, Ct));

        var json = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(session, document.RootElement.GetProperty("labSession").GetProperty("id").GetInt64());
        var texts = document.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains(Script, texts);
        Assert.Contains(Commas, texts);
        Assert.Contains(Formula, texts);
    }

    [Fact]
    public async Task Exporting_a_session_that_does_not_exist_writes_nothing()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        using var output = new MemoryStream();
        Assert.False(await host.Export.WriteCsvAsync(12345, output, Ct));
        Assert.False(await host.Export.WriteJsonAsync(12345, output, Ct));
        Assert.Equal(0, output.Length);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2,3", "\"'-2,3\"")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("x;=2*21;", "\"x;'=2*21;\"")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("a; +1;\t-2", "\"a; '+1;'\t-2\"")]
    [InlineData("  =1", "  '=1")]
    [InlineData("ok\n@x", "\"ok\n'@x\"")]
    [InlineData("1-2=3", "1-2=3")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_csv_cell_is_quoted_when_it_holds_a_separator_a_quote_or_a_line_break(string? text, string expected) =>
        Assert.Equal(expected, CsvCell.Escape(text));

    [Fact]
    public async Task Csv_export_starts_no_formula_when_a_spreadsheet_splits_it_at_semicolons()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        var session = await SendPayloadsAsync(host);
        using var output = new MemoryStream();
        Assert.True(await host.Export.WriteCsvAsync(session, output, Ct));
        var csv = Encoding.UTF8.GetString(output.ToArray()[3..]);

        // Read as French Excel does: a cell at every ';' and a row at every line break, quotes or not.
        var cells = csv.Split(["\r\n", "\n", "\r"], StringSplitOptions.None).SelectMany(line => line.Split(';')).ToList();
        Assert.Contains(cells, c => c == "'=2*21");
        Assert.DoesNotContain(cells, c => c.TrimStart(' ').Length > 0 && c.TrimStart(' ')[0] is '=' or '+' or '-' or '@' or '\t');
        // And split at commas, as RFC 4180 says, the text is all in its column.
        var rows = CsvRows.Parse(csv);
        Assert.Contains("x;'=2*21;", rows.Skip(1).Select(r => r[Array.IndexOf(rows[0], "text")]));
    }

    [Fact]
    public void A_line_break_inside_a_cell_reads_back_as_one_field()
    {
        var csv = string.Join(',', CsvCell.Escape("x"), CsvCell.Escape("line 1\r\nline 2, \"end\"")) + "\r\n";
        Assert.Equal(["x", "line 1\r\nline 2, \"end\""], Assert.Single(CsvRows.Parse(csv)));
    }

    private static async Task<long> SendPayloadsAsync(HistoryHost host)
    {
        await using var client = await host.ConnectAsync();
        foreach (var payload in new[] { Script, Commas, Formula, SemicolonFormula })
            await client.SendLineAsync(payload);
        await client.SendLineAsync("bye");
        await client.ReadUntilAsync(l => l.StartsWith("* goodbye", StringComparison.Ordinal));
        await host.FlushAsync();
        return (await host.Queries.ListSessionsAsync(cancellationToken: Ct)).Items.Single().Id;
    }

    public void Dispose() => _folder.Dispose();
}
