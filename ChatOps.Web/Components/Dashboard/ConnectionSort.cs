using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>
/// One order the Connections table offers: <see cref="Key"/> names it in the markup (a header's <c>data-sort</c>), and
/// <see cref="Compare"/> orders two rows ascending. A new sortable column (a student's name) is one more of these.
/// </summary>
public sealed record ConnectionSort(string Key, Comparison<SessionSnapshot> Compare);
