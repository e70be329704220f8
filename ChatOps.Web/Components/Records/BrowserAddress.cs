namespace ChatOps.Web.Components.Records;

/// <summary>
/// The address the dashboard's browser connected from, taken from the request that served the page: a circuit has no
/// HttpContext afterwards. The audit log records it with each kick, ban and setting.
/// </summary>
public sealed record BrowserAddress(string? Ip);
