using System.Globalization;

namespace ChatOps.Tests.History;

/// <summary>A copy of ChatOps that fails to start must leave the history as it found it, whoever else uses the file.</summary>
public sealed class FailedStartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_copy_on_a_busy_port_leaves_the_running_copys_session_open()
    {
        var data = _folder.Combine("data");
        await using var running = await HistoryHost.StartAsync(data);
        await running.FlushAsync();
        var port = running.Engine.LocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture);

        await Assert.ThrowsAnyAsync<Exception>(() => HistoryHost.StartAsync(data, new() { ["Chat:Port"] = port }));

        var session = Assert.Single((await running.Queries.ListSessionsAsync(cancellationToken: Ct)).Items);
        Assert.Null(session.StopReason);
        await running.StopAsync();
        Assert.Equal("Shutdown", Assert.Single((await running.Queries.ListSessionsAsync(cancellationToken: Ct)).Items).StopReason);
    }

    [Fact]
    public async Task A_second_copy_that_starts_on_another_port_leaves_the_first_ones_session_open()
    {
        var data = _folder.Combine("data");
        await using var first = await HistoryHost.StartAsync(data);
        await first.FlushAsync();

        await using var second = await HistoryHost.StartAsync(data);
        await second.FlushAsync();

        var sessions = (await first.Queries.ListSessionsAsync(cancellationToken: Ct)).Items;
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Null(s.StopReason));
    }

    public void Dispose() => _folder.Dispose();
}
