using ChatOps.Web.Auth;
using ChatOps.Web.Checks;
using ChatOps.Web.Components;
using ChatOps.Web.Health;
using ChatOps.Web.Hubs;
using ChatOps.Web.Join;
using ChatOps.Web.Localization;
using ChatOps.Web.Metrics;
using ChatOps.Web.Records;
using ChatOps.Web.Security;

namespace ChatOps.Web.Hosting;

internal static class ChatOpsWebApplicationExtensions
{
    public static WebApplication UseChatOpsWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        // After the exception handler, which clears the headers of a failed answer before it writes the error page.
        app.UseSecurityHeaders();
        // Before everything that answers with words: the sign-in page and the circuit take the language from the request.
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // The sign-in page needs its stylesheet and logo before anyone has signed in; nothing secret is a static asset.
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignIn();
        app.MapLanguageSwitch();
        app.MapChatOpsHealth();
        app.MapChatOpsMetrics();
        app.MapTranscriptExports();
        app.MapGradingExports();
        app.MapClientDownloads();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHub<ChatOpsHub>(ChatOpsHub.Path, o =>
        {
            // A connection whose send has not completed in this time has stopped reading, and is closed; its client
            // reconnects and resumes with fresh events. Each connection has its own sender (HubOutbox), so a stuck one
            // only holds its own queue meanwhile: 10 s (SignalR's default, said on purpose) lets a laptop on a crowded
            // Wi-Fi take one full message of a flood, while a frozen one is let go within a lesson's pause.
            o.TransportSendTimeout = TimeSpan.FromSeconds(10);
        });
        return app;
    }

    /// <summary>
    /// Starts the host; a wrong option or a busy port ends the program with one line and exit code 1. The
    /// <paramref name="args"/> are the program's, checked for <c>chatops serve</c>'s switches.
    /// </summary>
    public static async Task<int> RunChatOpsAsync(this WebApplication app, IReadOnlyList<string> args, TextWriter? screen = null, TextWriter? errors = null)
    {
        // Before anything starts: a typo must not leave a history row, nor open the database another copy is using.
        var problems = StartupCheck.Problems(args, app.Configuration).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                await (errors ?? Console.Error).WriteLineAsync($"chatops: {problem}");
            await app.DisposeAsync();
            return 1;
        }
        try
        {
            await app.StartAsync();
        }
        catch (Exception ex) when (StartFailure.Describe(ex) is { } message)
        {
            await (errors ?? Console.Error).WriteLineAsync($"chatops: {message}");
            await app.DisposeAsync();
            return 1;
        }
        await StartupBanner.PrintAsync(app, screen ?? Console.Out);
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }
}
