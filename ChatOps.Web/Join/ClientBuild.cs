namespace ChatOps.Web.Join;

/// <summary>One download of the client: <see cref="File"/> is its path inside the client folder, as the script writes it.</summary>
public sealed record ClientBuild(string Platform, string File, string DownloadName, long? Bytes)
{
    public bool Present => Bytes is not null;

    public string Url => ClientFolder.UrlPath + "/" + File;
}
