namespace ChatOps.Tests.Web.Join;

/// <summary>
/// The shape of scripts/publish-client.sh and of the tool package, read rather than run: the three self-contained
/// builds take minutes on two cores (measured in the README), and even `dotnet pack` alone takes over 30 s there.
/// </summary>
public sealed class PublishClientScriptTests
{
    private static string Script => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "publish-client.sh"));

    [Fact]
    public void The_script_cross_publishes_single_files_for_the_three_platforms_and_packs_the_tool()
    {
        var script = Script;
        Assert.StartsWith("#!/usr/bin/env bash", script, StringComparison.Ordinal);
        Assert.Contains("linux-x64 win-x64 osx-arm64", script, StringComparison.Ordinal);
        Assert.Contains("dotnet publish ChatOps.Cli/ChatOps.Cli.csproj", script, StringComparison.Ordinal);
        Assert.Contains("--self-contained", script, StringComparison.Ordinal);
        Assert.Contains("-p:PublishSingleFile=true", script, StringComparison.Ordinal);
        Assert.Contains("dotnet pack ChatOps.Cli/ChatOps.Cli.csproj", script, StringComparison.Ordinal);
        // The files the join page looks for (ClientFolder) are the ones the script writes.
        Assert.Contains("\"$out/$rid/chatops$ext\"", script, StringComparison.Ordinal);
        Assert.Contains("ChatOps.Web/bin/Debug/net10.0/data/client", script, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(Path.Combine(RepositoryPaths.Root, "scripts", "publish-client.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void The_client_packs_as_the_chatops_dotnet_tool()
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "ChatOps.Cli", "ChatOps.Cli.csproj"));
        string? Property(string name) => project.Descendants(name).SingleOrDefault()?.Value;
        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal("chatops", Property("ToolCommandName"));
        Assert.Equal("chatops", Property("PackageId"));
    }
}
