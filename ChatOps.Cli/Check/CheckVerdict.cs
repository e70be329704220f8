namespace ChatOps.Cli.Check;

internal enum CheckVerdict
{
    Pass,
    Fail,
    Skip,
}
