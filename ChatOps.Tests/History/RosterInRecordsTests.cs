using System.Text;
using System.Text.Json;
using ChatOps.History.Queries;
using ChatOps.History.Roster;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.History;

/// <summary>History rows carry the client's full endpoint, and exports the roster's name, formula-proofed like any student text.</summary>
public sealed class RosterInRecordsTests : IDisposable
{
    private const string FormulaName = "=Alice";
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_rows_show_ip_and_port_and_exports_carry_the_name_column()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        var (session, port) = await ChatAsync(host);
        await host.Roster.SetAsync(new RosterRow("127.0.0.1", port, FormulaName), "prof", cancellationToken: Ct);

        var lines = (await host.Queries.GetLinesAsync(new LineQuery(session), Ct)).Items.Where(l => l.Ip is not null).ToList();
        Assert.Contains(lines, l => l.Kind == LineKind.Chat);
        Assert.All(lines, l => Assert.Equal($"127.0.0.1:{port}", l.Endpoint));

        using var csvOutput = new MemoryStream();
        Assert.True(await host.Export.WriteCsvAsync(session, csvOutput, Ct));
        var rows = CsvRows.Parse(Encoding.UTF8.GetString(csvOutput.ToArray()[3..]));
        var (name, kind, text) = (Array.IndexOf(rows[0], "name"), Array.IndexOf(rows[0], "kind"), Array.IndexOf(rows[0], "text"));
        var chat = rows.Single(r => r[kind] == "Chat");
        Assert.Equal(("'" + FormulaName, "bonjour"), (chat[name], chat[text]));
        Assert.Equal("", rows.Single(r => r[kind] == "Started")[name]);

        using var jsonOutput = new MemoryStream();
        Assert.True(await host.Export.WriteJsonAsync(session, jsonOutput, Ct));
        using var document = JsonDocument.Parse(jsonOutput.ToArray());
        var chatJson = document.RootElement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "Chat");
        Assert.Equal((FormulaName, port), (chatJson.GetProperty("name").GetString(), chatJson.GetProperty("port").GetInt32()));
    }

    [Theory]
    [InlineData("192.168.1.23", 5000, "192.168.1.23:5000")]
    [InlineData("::1", 5000, "[::1]:5000")]
    [InlineData("fe80::1", null, "fe80::1")]
    [InlineData(null, 5000, "")]
    public void Endpoints_put_ipv6_in_brackets(string? ip, int? port, string expected) => Assert.Equal(expected, Endpoints.Text(ip, port));

    private static async Task<(long Session, int Port)> ChatAsync(HistoryHost host)
    {
        using var events = new EventLog(host.Engine.Events);
        await using var client = await host.ConnectAsync();
        var port = client.LocalEndPoint.Port;
        await client.SendLineAsync("bonjour");
        await client.SendLineAsync("bye");
        await client.ReadUntilAsync(l => l.StartsWith("* goodbye", StringComparison.Ordinal));
        await events.WaitForAsync<ClientDisconnected>();
        await host.FlushAsync();
        return ((await host.Queries.ListSessionsAsync(cancellationToken: Ct)).Items.Single().Id, port);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
