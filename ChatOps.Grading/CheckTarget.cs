using System.Net;
using System.Net.Sockets;

namespace ChatOps.Grading;

/// <summary>The student's server: the name the teacher typed and the address it resolved to.</summary>
public sealed record CheckTarget(string Host, IPEndPoint EndPoint)
{
    /// <summary><c>host:port</c> as the teacher typed the host: the <c>target</c> of the JSON report.</summary>
    public override string ToString() => $"{Host}:{EndPoint.Port}";

    /// <summary>
    /// The target for <paramref name="host"/> (an IP literal or a name, IPv4 preferred) and <paramref name="port"/>, or
    /// null when the name does not resolve. Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static async Task<CheckTarget?> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
            return new CheckTarget(host, new IPEndPoint(literal, port));
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null ? null : new CheckTarget(host, new IPEndPoint(chosen, port));
        }
        catch (SocketException)
        {
            // An unknown name is the teacher's typo, not an error of the program: the caller says so in one line.
            return null;
        }
    }
}
