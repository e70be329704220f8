namespace ChatOps.Web.Localization;

/// <summary>
/// The dashboard's words: <c>UiText.resx</c> (English, the neutral resources) and <c>UiText.fr.resx</c>. One shared resource
/// rather than one per component, so a translator has one file per language and a test can compare them.
/// </summary>
internal sealed class UiText;
