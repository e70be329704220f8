namespace ChatOps.Tests.Web;

/// <summary>Where test artifacts go: the repository's TestResults/ (what test.sh collects) and docs/.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestResults => Directory.CreateDirectory(Path.Combine(Root, "TestResults")).FullName;

    public static string Docs => Directory.CreateDirectory(Path.Combine(Root, "docs")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"ChatOps.sln not found above {AppContext.BaseDirectory}.");
    }
}
