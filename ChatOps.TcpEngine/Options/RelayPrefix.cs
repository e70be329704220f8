namespace ChatOps.TcpEngine.Options;

/// <summary>How a relayed line names its sender (<c>Chat:RelayPrefix</c>): <c>ip</c>, <c>name</c> or <c>ip+name</c>.</summary>
public enum RelayPrefix
{
    /// <summary><c>[192.168.1.23] bonjour</c>: what the lab sheet asks, and the default.</summary>
    Ip,

    /// <summary><c>[Alice] bonjour</c>, or the IP when the roster has no name for the sender.</summary>
    Name,

    /// <summary><c>[192.168.1.23 Alice] bonjour</c>, or the IP alone when the roster has no name for the sender.</summary>
    IpAndName,
}
