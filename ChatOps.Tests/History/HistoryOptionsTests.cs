using ChatOps.History.Options;
using Microsoft.Extensions.Options;

namespace ChatOps.Tests.History;

public sealed class HistoryOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Wrong_values_stop_the_host_at_start_with_a_message_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => HistoryHost.StartAsync(_folder.Path, new()
        {
            ["Data:FlushInterval"] = "00:00:05",
            ["Data:RetentionDays"] = "-1",
            ["Data:CleanupInterval"] = "100.00:00:00",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("Data:FlushInterval must be", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Data:RetentionDays must be", StringComparison.Ordinal));
        // Past a timer's range, the cleanup's wait would throw after the start and stop the host.
        Assert.Contains(error.Failures, f => f.StartsWith("Data:CleanupInterval must be between 00:01:00 and 30.00:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid_and_put_the_database_in_a_data_folder_beside_the_app()
    {
        var defaults = new HistoryOptions();
        Assert.Empty(HistoryOptionsValidator.Errors(defaults));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "chatops.db"), defaults.DatabaseFile);
        Assert.Equal("/srv/chatops/chatops.db", new HistoryOptions { Path = "/srv/chatops" }.DatabaseFile);
    }

    public void Dispose() => _folder.Dispose();
}
