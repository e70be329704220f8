using System.Net;
using Microsoft.Extensions.Logging;

namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>The PROXY protocol's log lines: the engine's 1100s.</summary>
internal static partial class ProxyProtocolLog
{
    [LoggerMessage(1101, LogLevel.Warning, "Refused a connection from trusted proxy {Proxy}: {Reason}")]
    public static partial void HeaderRefused(ILogger logger, IPEndPoint proxy, string reason);

    [LoggerMessage(1102, LogLevel.Warning, "Refused a connection from {Ip}: it sent a PROXY protocol header, and that address is not in Chat:TrustedProxies")]
    public static partial void UntrustedHeader(ILogger logger, string ip);

    [LoggerMessage(1103, LogLevel.Debug, "Health check from trusted proxy {Proxy} ({Kind})")]
    public static partial void HealthCheck(ILogger logger, IPEndPoint proxy, string kind);

    /// <summary>What an operator reads in line 1101: what was wrong, and the usual cause.</summary>
    public static string Describe(ProxyHeaderError error) => error switch
    {
        ProxyHeaderError.NoHeader => "it did not begin with a PROXY protocol v2 header (is send-proxy-v2 missing on the balancer's server line, or is this address not the balancer?)",
        ProxyHeaderError.Version1 => "a PROXY protocol v1 (text) header; ChatOps reads v2 only: use send-proxy-v2, not send-proxy",
        ProxyHeaderError.UnsupportedVersion => "a PROXY header of a version other than 2",
        ProxyHeaderError.UnknownCommand => "a PROXY v2 header with a command other than LOCAL or PROXY",
        ProxyHeaderError.UnknownFamily => "a PROXY v2 header with an unknown address family",
        ProxyHeaderError.UnknownTransport => "a PROXY v2 header with an unknown transport",
        ProxyHeaderError.AddressesTruncated => "a PROXY v2 header too short for its addresses",
        ProxyHeaderError.BadTlv => "a PROXY v2 header whose TLVs run past its end",
        ProxyHeaderError.TooLong => $"a PROXY v2 header longer than {ProxyHeaderParser.MaxHeaderBytes} bytes",
        ProxyHeaderError.Truncated => "the connection ended inside its PROXY v2 header",
        ProxyHeaderError.Timeout => "no complete PROXY v2 header within Chat:ProxyHeaderTimeout",
        _ => error.ToString(),
    };
}
