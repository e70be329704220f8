namespace ChatOps.Grading.Conversation;

/// <summary>
/// A message a check sends: written in <see cref="Pieces"/> (one write each), recognised by <see cref="Expected"/>
/// (its whole text) and by <see cref="Token"/> (an ASCII part that survives a wrong charset, to tell "changed" from "lost").
/// </summary>
internal sealed record Payload(IReadOnlyList<string> Pieces, string Expected, string Token, bool AddLineEnd = true)
{
    public static Payload Of(string token, string text = "") =>
        new([text.Length == 0 ? token : $"{token} {text}"], text.Length == 0 ? token : $"{token} {text}", token);

    public bool IsSplit => Pieces.Count > 1;
}
