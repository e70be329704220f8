namespace ChatOps.Web.Localization;

/// <summary>
/// MudBlazor's own words (pager, pickers, dialogs' close buttons...): <c>MudWords.resx</c> is MudBlazor's English, key for
/// key, and <c>MudWords.fr.resx</c> its French. Apart from <see cref="UiText"/> so that a MudBlazor upgrade's new keys show
/// up here alone (ResourceFilesTests compares this file with MudBlazor's).
/// </summary>
internal sealed class MudWords;
