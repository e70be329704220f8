namespace ChatOps.Grading;

/// <summary>What a check concluded. Written in lower case (<c>pass</c>, <c>fail</c>, <c>skip</c>) in the JSON contract.</summary>
public enum CheckVerdict
{
    Pass,
    Fail,

    /// <summary>Not run: not asked for (<c>arret</c>), not meaningful for this server, or the server stopped accepting connections earlier.</summary>
    Skip,
}
