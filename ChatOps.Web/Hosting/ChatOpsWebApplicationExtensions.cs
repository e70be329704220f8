using ChatOps.Web.Auth;
using ChatOps.Web.Components;
using ChatOps.Web.Hubs;
using ChatOps.Web.Records;

namespace ChatOps.Web.Hosting;

internal static class ChatOpsWebApplicationExtensions
{
    public static WebApplication UseChatOpsWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // The sign-in page needs its stylesheet and logo before anyone has signed in; nothing secret is a static asset.
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignIn();
        app.MapTranscriptExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHub<ChatOpsHub>(ChatOpsHub.Path);
        return app;
    }

    /// <summary>Starts the host; a wrong option or a busy port ends the program with one line and exit code 1.</summary>
    public static async Task<int> RunChatOpsAsync(this WebApplication app, TextWriter? screen = null, TextWriter? errors = null)
    {
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
