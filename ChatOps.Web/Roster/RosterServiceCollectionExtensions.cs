using ChatOps.History.Roster;
using ChatOps.TcpEngine.Naming;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Web.Roster;

public static class RosterServiceCollectionExtensions
{
    /// <summary>
    /// Gives the engine the history's roster as its <see cref="IClientNames"/>, so that <c>Chat:RelayPrefix</c> can show
    /// names. Needs <c>AddChatHistory()</c>, which keeps the roster.
    /// </summary>
    public static IServiceCollection AddRosterNames(this IServiceCollection services)
    {
        services.TryAddSingleton<IClientNames>(sp => new RosterNames(sp.GetRequiredService<ClassRoster>()));
        return services;
    }
}
