namespace ChatOps.Web.Auth;

/// <summary>The sign-in page's address and the messages it can show (carried in its query string).</summary>
internal static class SignInPage
{
    public const string Path = "/signin";
    public const string Wrong = "wrong";
    public const string Throttled = "throttled";
    public const string LinkSpent = "link";
    public const string LinkPrinted = "printed";
    public const string NotHere = "remote";
}
