using System.Net;

namespace ChatOps.Tests.Web.Join;

/// <summary>The client builds in Join:ClientPath: offered on the join page and served without sign-in, and nothing else of the folder.</summary>
public sealed class ClientDownloadTests : IAsyncDisposable
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-client-").FullName;

    [Fact]
    public async Task The_builds_the_script_made_are_offered_and_served_and_nothing_else()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "linux-x64"));
        byte[] linux = [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3];
        await File.WriteAllBytesAsync(Path.Combine(_folder, "linux-x64", "chatops"), linux, Ct);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "chatops.1.0.0.nupkg"), [0x50, 0x4B], Ct);
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "not for students", Ct);
        await using var factory = new ChatOpsWebFactory(new Dictionary<string, string?> { ["Join:ClientPath"] = _folder });
        factory.StartServer();
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), new CookieContainer());

        var page = await http.GetStringAsync(new Uri("/join", UriKind.Relative), Ct);
        Assert.Contains("href=\"/join/client/linux-x64/chatops\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/join/client/chatops.1.0.0.nupkg\"", page, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install --global chatops --add-source .", page, StringComparison.Ordinal);
        Assert.DoesNotContain("win-x64", page, StringComparison.Ordinal);
        Assert.DoesNotContain("scripts/publish-client.sh", page, StringComparison.Ordinal);

        using var download = await http.GetAsync(new Uri("/join/client/linux-x64/chatops", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(linux, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("chatops", download.Content.Headers.ContentDisposition?.FileName);
        foreach (var other in new[] { "notes.txt", "win-x64/chatops.exe", "..%2Fchatops.1.0.0.nupkg", "linux-x64" })
        {
            using var refused = await http.GetAsync(new Uri("/join/client/" + other, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
