namespace ChatOps.TcpEngine.Options;

/// <summary>The language of the notices the server writes to students (<see cref="ChatOptions.Language"/>).</summary>
public enum ChatLanguage
{
    /// <summary>French: the lab, its sheet and its students are French.</summary>
    Fr,

    /// <summary>English.</summary>
    En,
}
