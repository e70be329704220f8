using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class ResultTableTests
{
    [Fact]
    public void The_fanout_table_shows_the_connections_the_server_closed()
    {
        string[] lines =
        [
            """{"server":"chatops","scenario":"4","round":1,"result":{"kind":"fanout","deliveredLinesPerSecond":1000,"lossPercent":2.5,"closedByServer":7,"slowReadersCutByServer":0}}""",
            """{"server":"chatops","scenario":"4","round":2,"result":{"kind":"fanout","deliveredLinesPerSecond":900,"lossPercent":0,"slowReadersCutByServer":0}}""",
        ];

        var table = ResultTable.Render(ResultTable.Read(lines)).ToList();

        var header = table.Single(l => l.StartsWith("| run |", StringComparison.Ordinal)).Split('|').Select(c => c.Trim()).ToList();
        var column = header.IndexOf("closed by server");
        Assert.True(column > 0);
        Assert.Equal("7", table.Single(l => l.StartsWith("| chatops #1", StringComparison.Ordinal)).Split('|')[column].Trim());
        Assert.Equal("–", table.Single(l => l.StartsWith("| chatops #2", StringComparison.Ordinal)).Split('|')[column].Trim()); // Runs from before the column.
    }
}
