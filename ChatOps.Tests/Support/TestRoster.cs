using ChatOps.History.Options;
using ChatOps.History.Roster;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Tests.Support;

/// <summary>A real roster over a SQLite file in <paramref name="folder"/>, for component tests that run without a history host.</summary>
internal static class TestRoster
{
    public static ClassRoster Create(string folder, TimeProvider? time = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new HistoryOptions { Path = folder });
        var database = new HistoryDatabase(options);
        return new ClassRoster(database, new HistoryStatus(database.FilePath), options, time ?? TimeProvider.System, NullLogger<ClassRoster>.Instance);
    }
}
