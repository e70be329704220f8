using ChatOps.History.Storage;

namespace ChatOps.Tests.History;

/// <summary>The folding History searches compare: lower case, Latin letters without diacritics, in invariant mode.</summary>
public sealed class TextFoldTests
{
    [Theory]
    [InlineData("CAFÉ", "cafe")]
    [InlineData("café", "cafe")]
    [InlineData("École", "ecole")]
    [InlineData("Ça va, Noël à l'hôpital ?", "ca va, noel a l'hopital ?")]
    [InlineData("Œuvre, cœur, Straße, Ærø", "oeuvre, coeur, strasse, aero")]
    [InlineData("Łódź, Dvořák, Tiếng Việt", "lodz, dvorak, tieng viet")]
    [InlineData("e\u0301le\u0300ve", "eleve")] // accents typed as separate combining marks (macOS)
    [InlineData("ΣΟΦΙΑ Привет", "σοφια привет")] // other scripts: lower case only
    [InlineData("100% <b>sure</b>", "100% <b>sure</b>")]
    [InlineData("", "")]
    public void Folds_case_and_accents(string text, string folded) => Assert.Equal(folded, TextFold.Fold(text));
}
