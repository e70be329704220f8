using ChatOps.TcpEngine;

namespace ChatOps.Web.Checks;

/// <summary>(Public for the grid component.) A student's server as the teacher entered it: who, where, and which exercise to check.</summary>
public sealed record GradingTarget(string Student, string Host, int Port, ChatMode Exercise)
{
    public override string ToString() => $"{Host}:{Port}";
}
