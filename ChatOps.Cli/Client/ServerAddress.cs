namespace ChatOps.Cli.Client;

internal sealed record ServerAddress(string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port}";
}
