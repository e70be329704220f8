using ChatOps.History.Audit;
using ChatOps.History.Bans;
using ChatOps.History.Export;
using ChatOps.History.Grading;
using ChatOps.History.Options;
using ChatOps.History.Queries;
using ChatOps.History.Retention;
using ChatOps.History.Roster;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using ChatOps.History.Writing;
using ChatOps.TcpEngine.Admission;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Hosting;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SQLite history of the engine (which <c>AddChatEngine()</c> adds): options bound from the <c>Data</c>
    /// section and validated at start; the batch writer and the retention cleanup as hosted services; and, for the web
    /// host, <see cref="HistoryQueries"/>, <see cref="TranscriptExport"/>, <see cref="GradingStore"/>, <see cref="AuditLog"/>, <see cref="BanList"/>
    /// (also the engine's <see cref="IConnectionAdmission"/>), <see cref="ClassRoster"/>, <see cref="HistoryRetention"/> and <see cref="HistoryStatus"/>.
    /// </summary>
    public static IServiceCollection AddChatHistory(this IServiceCollection services)
    {
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HistoryOptions>, HistoryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HistoryDatabase>();
        services.TryAddSingleton(sp => new HistoryStatus(sp.GetRequiredService<HistoryDatabase>().FilePath));
        // The public services have internal constructors (the web host gets them from DI, never builds them): hence factories.
        services.TryAddSingleton(sp => new BanList(sp.GetRequiredService<HistoryDatabase>(), sp.GetRequiredService<HistoryStatus>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BanList>>()));
        services.TryAddSingleton<IConnectionAdmission>(sp => sp.GetRequiredService<BanList>());
        services.TryAddSingleton(sp => new AuditLog(sp.GetRequiredService<HistoryDatabase>(), sp.GetRequiredService<HistoryStatus>(),
            sp.GetRequiredService<IOptions<HistoryOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AuditLog>>()));
        services.TryAddSingleton(sp => new ClassRoster(sp.GetRequiredService<HistoryDatabase>(), sp.GetRequiredService<HistoryStatus>(),
            sp.GetRequiredService<IOptions<HistoryOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ClassRoster>>()));
        services.TryAddSingleton(sp => new HistoryQueries(sp.GetRequiredService<HistoryDatabase>(), sp.GetRequiredService<IOptions<HistoryOptions>>()));
        services.TryAddSingleton(sp => new TranscriptExport(sp.GetRequiredService<HistoryDatabase>(), sp.GetRequiredService<ClassRoster>()));
        services.TryAddSingleton(sp => new GradingStore(sp.GetRequiredService<HistoryDatabase>(), sp.GetRequiredService<HistoryStatus>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GradingStore>>()));
        services.TryAddSingleton(sp => new HistoryRetention(sp.GetRequiredService<HistoryDatabase>(), sp.GetRequiredService<IOptions<HistoryOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<HistoryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddHostedService<RetentionService>();
        return services;
    }
}
