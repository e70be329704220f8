using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.TcpEngine.Hosting;

public static class ChatEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine as a singleton, its options bound from the <c>Chat</c> section and validated at start, and a hosted
    /// service that starts and stops it with the host.
    /// </summary>
    public static IServiceCollection AddChatEngine(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChatBus, InProcessChatBus>();
        services.TryAddSingleton<ChatEngine>();
        services.AddHostedService<ChatEngineHostedService>();
        return services;
    }
}
