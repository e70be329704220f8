using Microsoft.AspNetCore.Components.Authorization;

namespace ChatOps.Web.Components.Records;

/// <summary>Who the audit log names for an action taken on the dashboard.</summary>
internal static class Teacher
{
    public const string Unknown = "dashboard";

    public static async Task<string> NameAsync(Task<AuthenticationState>? auth) =>
        auth is null ? Unknown : (await auth).User.Identity?.Name ?? Unknown;
}
