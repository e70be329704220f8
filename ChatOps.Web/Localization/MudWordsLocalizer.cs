using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ChatOps.Web.Localization;

/// <summary>
/// MudBlazor's hook for its own words: its <see cref="DefaultLocalizationInterceptor"/> asks this localizer first and
/// falls back to MudBlazor's English for a key it lacks. It reads <see cref="MudWords"/> in the circuit's UI culture, so
/// MudBlazor's words follow the same language switch as the dashboard's.
/// </summary>
internal sealed class MudWordsLocalizer(IStringLocalizer<MudWords> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}
