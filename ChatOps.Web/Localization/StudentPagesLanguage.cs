using ChatOps.TcpEngine.Options;
using ChatOps.Web.Join;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Localization;

/// <summary>
/// The students' page (<c>/join</c>) speaks the browser's language when it is English or French, else the students'
/// language, <c>Chat:Language</c>, rather than the dashboard's English: tried last, after the cookie and
/// <c>Accept-Language</c>. See docs/dashboard.md, "Languages".
/// </summary>
internal sealed class StudentPagesLanguage : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments(JoinAddress.Path, StringComparison.OrdinalIgnoreCase))
            return NullProviderCultureResult;
        var language = httpContext.RequestServices.GetRequiredService<IOptions<ChatOptions>>().Value.Language;
        var culture = language == ChatLanguage.En ? Languages.English : Languages.French;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture.Name));
    }
}
