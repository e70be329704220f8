using ChatOps.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Tests.Web;

/// <summary>The dashboard's localizer as the host builds it, for code tested without a host (it reads CurrentUICulture).</summary>
internal static class UiLocalizer
{
    public static IStringLocalizer<UiText> Create() =>
        new StringLocalizer<UiText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
