using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Tests.Logging;

/// <summary>
/// One event ID per kind of log line, so a JSON log can be filtered and alerted on by ID: every <c>[LoggerMessage]</c>
/// of the solution has one, no two share it, and each project keeps to its range (docs/operations.md).
/// </summary>
public sealed class LogEventIdTests
{
    /// <summary>The projects' ranges; a new project takes the next thousand.</summary>
    public static readonly IReadOnlyDictionary<string, (int From, int To)> Ranges = new Dictionary<string, (int, int)>
    {
        ["ChatOps.TcpEngine"] = (1000, 1999),
        ["ChatOps.History"] = (2000, 2999),
        ["ChatOps.Web"] = (3000, 3999),
        ["ChatOps.Grading"] = (4000, 4999),
        ["chatops"] = (5000, 5999),
        ["ChatOps.Cluster"] = (6000, 6999),
    };

    private static readonly Assembly[] Assemblies =
    [
        typeof(ChatOps.TcpEngine.Engine.ChatEngine).Assembly,
        typeof(ChatOps.History.Status.HistoryStatus).Assembly,
        typeof(ChatOps.Web.Dashboard.DashboardState).Assembly,
        typeof(ChatOps.Grading.CheckOptions).Assembly,
        typeof(ChatOps.Cli.Serve.ServeHost).Assembly,
        typeof(ChatOps.Cluster.Options.ClusterOptions).Assembly,
    ];

    [Fact]
    public void Every_log_line_has_an_id_of_its_own_in_its_project_range()
    {
        var messages = LoggerMessages();

        Assert.True(messages.Count >= 20, $"only {messages.Count} [LoggerMessage]s found: the reflection missed some");
        var problems = new List<string>();
        foreach (var (name, project, id) in messages)
        {
            var (from, to) = Ranges[project];
            if (id < from || id > to)
                problems.Add($"{name} ({project}): event ID {id} is not in {from}–{to}");
        }
        foreach (var shared in messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1))
            problems.Add($"event ID {shared.Key} is used by {string.Join(", ", shared.Select(m => m.Name))}");
        Assert.Empty(problems);
    }

    /// <summary>Every <c>[LoggerMessage]</c> of the solution's programs: its method, project and event ID.</summary>
    internal static List<(string Name, string Project, int EventId)> LoggerMessages() => Assemblies
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(x => x.Attribute is not null)
        .Select(x => (Name: $"{x.Method.DeclaringType!.Name}.{x.Method.Name}", Project: x.Method.DeclaringType.Assembly.GetName().Name!, x.Attribute!.EventId))
        .ToList();
}
