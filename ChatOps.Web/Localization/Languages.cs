using System.Globalization;

namespace ChatOps.Web.Localization;

/// <summary>The dashboard's languages. English first: it is the fallback when the browser asks for neither.</summary>
internal static class Languages
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    public static IReadOnlyList<CultureInfo> All { get; } = [English, French];

    /// <summary>The supported language <paramref name="name"/> names (<c>fr</c>, <c>fr-FR</c>...), or null.</summary>
    public static CultureInfo? Find(string? name) =>
        All.FirstOrDefault(c => name is not null && (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(c.Name + "-", StringComparison.OrdinalIgnoreCase)));
}
