using ChatOps.History.Options;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Join;

/// <summary>
/// The client builds of <c>scripts/publish-client.sh</c> in <see cref="JoinOptions.ClientPath"/>: which are there, and
/// the file behind a download address. Only the files the script makes are served, never a listing or another file.
/// </summary>
internal sealed class ClientFolder(IOptions<JoinOptions> join, IOptions<HistoryOptions> history)
{
    public const string UrlPath = "/join/client";

    public const string Script = "scripts/publish-client.sh";

    private static readonly (string Platform, string File, string DownloadName)[] Builds =
    [
        ("Linux (x64)", "linux-x64/chatops", "chatops"),
        ("Windows (x64)", "win-x64/chatops.exe", "chatops.exe"),
        ("macOS (Apple silicon)", "osx-arm64/chatops", "chatops"),
    ];

    public string Path { get; } = string.IsNullOrWhiteSpace(join.Value.ClientPath)
        ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(history.Value.DatabaseFile)!, JoinOptions.DefaultClientFolder)
        : System.IO.Path.GetFullPath(join.Value.ClientPath, AppContext.BaseDirectory);

    public IReadOnlyList<ClientBuild> Executables() =>
        Builds.Select(b => new ClientBuild(b.Platform, b.File, b.DownloadName, Size(b.File))).ToList();

    /// <summary>The dotnet tool package (<c>chatops.VERSION.nupkg</c>), newest first by name, if the script made one.</summary>
    public ClientBuild? ToolPackage()
    {
        if (!Directory.Exists(Path))
            return null;
        var file = Directory.EnumerateFiles(Path, "chatops.*.nupkg").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).LastOrDefault();
        return file is null ? null : new ClientBuild("dotnet tool", file, file, Size(file));
    }

    /// <summary>The full path of a download, or null for anything the script does not make.</summary>
    public ClientBuild? Find(string file) =>
        Executables().Concat(ToolPackage() is { } tool ? [tool] : []).FirstOrDefault(b => b.Present && b.File == file);

    public string FullPath(ClientBuild build) => System.IO.Path.Combine(Path, build.File);

    private long? Size(string file)
    {
        var info = new FileInfo(System.IO.Path.Combine(Path, file));
        return info.Exists ? info.Length : null;
    }
}
