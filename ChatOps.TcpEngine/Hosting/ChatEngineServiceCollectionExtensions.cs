using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Naming;
using ChatOps.TcpEngine.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.TcpEngine.Hosting;

public static class ChatEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the rooms (<see cref="ChatServer"/>) as a singleton, its options bound from the <c>Chat</c> section and validated at start, and a hosted
    /// service that starts and stops it with the host.
    /// </summary>
    public static IServiceCollection AddChatEngine(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ChatServer(
            sp.GetRequiredService<IOptions<ChatOptions>>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<IConnectionAdmission>(),
            sp.GetService<Func<string, IChatBus>>(),
            sp.GetService<IClientNames>()));
        services.AddHostedService<ChatEngineHostedService>();
        return services;
    }
}
