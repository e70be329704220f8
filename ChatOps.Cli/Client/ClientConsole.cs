namespace ChatOps.Cli.Client;

/// <summary>The client's keyboard and screen; tests drive the real process through its standard streams.</summary>
internal sealed record ClientConsole(TextReader Keyboard, TextWriter Screen, TextWriter Errors);
