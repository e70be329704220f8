using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor;

namespace ChatOps.Web.Localization;

internal static class LocalizationServiceCollectionExtensions
{
    /// <summary>
    /// The dashboard's words follow the language switch (the <c>.AspNetCore.Culture</c> cookie), else the browser's
    /// <c>Accept-Language</c>, else English (the students' join page: else <c>Chat:Language</c>). Only the words: numbers and times keep the invariant formats they had (24-hour
    /// times, <c>1,234</c>), the same in both languages, so exports, tests and screenshots do not depend on the language.
    /// </summary>
    public static IServiceCollection AddChatOpsLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // MudBlazor's interceptor takes this localizer when one is registered (AddMudServices registers none).
        services.AddTransient<MudLocalizer, MudWordsLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Languages.English);
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = [.. Languages.All];
            o.FallBackToParentUICultures = true;
            // The switch's cookie first, then the browser; no query string: a link must not change the teacher's language.
            // Last, for the students' page only: the students' language (Chat:Language) rather than English.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider(), new StudentPagesLanguage()];
        });
        return services;
    }
}
