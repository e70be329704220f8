using ChatOps.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChatOps.Web.Components.Records;

/// <summary>
/// Who the audit log and the engine name for an action taken on the dashboard: the signed-in user's name, the same one
/// the sign-in entries carry, so that one person has one name everywhere.
/// </summary>
internal static class Teacher
{
    public const string Unknown = SignInEndpoints.TeacherName;

    public static async Task<string> NameAsync(Task<AuthenticationState>? auth) =>
        auth is null ? Unknown : (await auth).User.Identity?.Name ?? Unknown;
}
