using ChatOps.History.Queries;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.Tests.History;

/// <summary>History searches ignore case and accents, for new lines and for lines a file held before the upgrade.</summary>
public sealed class AccentSearchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Case_and_accents_do_not_matter_in_a_text_search()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        await using var client = await host.ConnectAsync();
        await client.SendLineAsync("un café au lait");
        await client.SendLineAsync("l'École est finie");
        await client.SendLineAsync("CAFETERIA");
        await client.SendLineAsync("bye");
        await client.ReadUntilAsync(l => l.StartsWith("* goodbye", StringComparison.Ordinal));
        await host.FlushAsync();

        Assert.Equal(["un café au lait", "CAFETERIA"], await TextsAsync(host.Queries, "CAFÉ"));
        Assert.Equal(["un café au lait", "CAFETERIA"], await TextsAsync(host.Queries, "cafe"));
        Assert.Equal(["l'École est finie"], await TextsAsync(host.Queries, "Ecole"));
        Assert.Equal(["l'École est finie"], await TextsAsync(host.Queries, "ÉCOLE"));
        Assert.Empty(await TextsAsync(host.Queries, "cafés"));
    }

    [Fact]
    public async Task Lines_of_a_file_from_before_the_folded_column_are_found_after_the_upgrade()
    {
        var data = _folder.Combine("data");
        Directory.CreateDirectory(data);
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(data, "chatops.db")};Pooling=False"))
        {
            await old.OpenAsync(Ct);
            await using var command = old.CreateCommand();
            // The file as the first schema left it: no text_folded column. An hour ago, so that retention keeps it.
            command.CommandText = Schema.Scripts[0] + """
                PRAGMA user_version = 1;
                INSERT INTO lab_sessions (id, started_at, mode, stopped_at, stop_reason) VALUES (1, $at, 'relay', $at + 600000, 'Stopped');
                INSERT INTO lines (lab_session_id, at, kind, ip, port, text) VALUES (1, $at + 1000, 'Chat', '10.0.0.7', 50000, 'Crème brûlée');
                INSERT INTO lines (lab_session_id, at, kind, ip, port, text) VALUES (1, $at + 2000, 'Chat', '10.0.0.8', 50001, 'rien');
                """;
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using var host = await HistoryHost.StartAsync(data);

        Assert.Equal(["Crème brûlée"], await TextsAsync(host.Queries, "CREME BRULEE"));
    }

    private static async Task<string[]> TextsAsync(HistoryQueries queries, string text) =>
        (await queries.GetLinesAsync(new LineQuery(Text: text), Ct)).Items.Where(l => l.Kind == LineKind.Chat).Select(l => l.Text).ToArray();

    public void Dispose() => _folder.Dispose();
}
