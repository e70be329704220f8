using Microsoft.Playwright;

namespace ChatOps.Tests.Web;

/// <summary>Full-page screenshots of the browser tests: in TestResults/ always, in docs/ on request.</summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name, bool docs)
    {
        var bytes = await page.ScreenshotAsync(new() { FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.TestResults, name), bytes);
        // The docs' screenshots are refreshed on request only (CHATOPS_UPDATE_DOCS=1 ./test.sh), so a test run leaves the tree clean.
        if (docs && Environment.GetEnvironmentVariable("CHATOPS_UPDATE_DOCS") == "1")
            await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.Docs, name), bytes);
        Xunit.TestContext.Current.AddAttachment(name, bytes, "image/png");
    }
}
