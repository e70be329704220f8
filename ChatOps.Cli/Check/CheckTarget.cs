using System.Net;

namespace ChatOps.Cli.Check;

/// <summary>The student's server: the name the teacher typed and the address it resolved to.</summary>
internal sealed record CheckTarget(string Host, IPEndPoint EndPoint)
{
    public override string ToString() => $"{Host}:{EndPoint.Port}";
}
