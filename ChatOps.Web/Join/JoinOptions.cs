namespace ChatOps.Web.Join;

/// <summary>The students' join page (<c>/join</c>), bound from the <c>Join</c> configuration section.</summary>
public sealed class JoinOptions
{
    public const string SectionName = "Join";

    /// <summary>The folder under the data folder that holds the client builds when <see cref="ClientPath"/> is not set.</summary>
    public const string DefaultClientFolder = "client";

    /// <summary>
    /// Folder of the client builds the join page offers (what <c>scripts/publish-client.sh</c> writes). Default empty:
    /// <c>client</c> inside the data folder (<c>Data:Path</c>), which goes with the program as the history does. A relative
    /// path is taken beside the app.
    /// </summary>
    public string ClientPath { get; set; } = "";
}
