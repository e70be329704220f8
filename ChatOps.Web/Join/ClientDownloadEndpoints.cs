namespace ChatOps.Web.Join;

/// <summary>The client's downloads, without sign-in: students fetch them from the join page.</summary>
internal static class ClientDownloadEndpoints
{
    public static IEndpointRouteBuilder MapClientDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ClientFolder.UrlPath + "/{**file}", (string file, ClientFolder folder) =>
            folder.Find(file) is { } build
                ? Results.File(folder.FullPath(build), "application/octet-stream", build.DownloadName)
                : Results.NotFound())
            .AllowAnonymous();
        return endpoints;
    }
}
