using ChatOps.History.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>The folder, inside the data folder (<c>Data:Path</c>), where the keys of cookies and antiforgery tokens are kept.</summary>
    public const string KeysFolder = "keys";

    /// <summary>
    /// Cookie sign-in for the teacher, required by every page, endpoint and the hub unless marked anonymous: students
    /// share the network, the dashboard and its arret button are not theirs.
    /// </summary>
    public static IServiceCollection AddChatOpsAuth(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdminSecret>();
        services.TryAddSingleton<LinkToken>();
        services.TryAddSingleton<SessionStamp>();
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<SignInAudit>();
        services.TryAddSingleton(new SignInTerminal(Console.Out));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = SignInPage.Path;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Cookie.Name = "chatops.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = RejectEndedSignInAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AdminOptions>>((cookie, admin) => cookie.ExpireTimeSpan = admin.Value.SessionLifetime);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();

        // Every hub, Blazor's included: a circuit is a hub connection.
        services.TryAddSingleton<SessionStampHubFilter>();
        services.Configure<HubOptions>(hub => hub.AddFilter<SessionStampHubFilter>());

        // Beside the history, not in the user's profile: the keys go with the data folder, whoever runs the server, and
        // nothing else of that user can read the teacher's cookies. Whatever the keys, the stamp ends old sign-ins.
        services.AddDataProtection().SetApplicationName("ChatOps");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<HistoryOptions>, ILoggerFactory>((keys, history, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysPath(history.Value)), logs));
        return services;
    }

    public static string KeysPath(HistoryOptions history) =>
        Path.Combine(Path.GetDirectoryName(history.DatabaseFile)!, KeysFolder);

    private static async Task RejectEndedSignInAsync(CookieValidatePrincipalContext context)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<SessionStamp>().IsCurrent(context.Principal))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
