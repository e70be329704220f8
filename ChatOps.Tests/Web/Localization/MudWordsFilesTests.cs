using System.Collections;
using System.Globalization;
using System.Resources;
using System.Xml.Linq;
using ChatOps.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ChatOps.Tests.Web.Localization;

/// <summary>
/// MudBlazor's words are all translated: <c>MudWords.resx</c> is MudBlazor's own English resource, key for key and word for
/// word, so a MudBlazor upgrade that adds or changes a text fails here until it is copied and translated (ResourceFilesTests
/// then holds <c>MudWords.fr.resx</c> to the same keys and placeholders).
/// </summary>
public sealed class MudWordsFilesTests
{
    [Fact]
    public void Our_english_file_is_mudblazors_resource_key_for_key()
    {
        var ours = Read(Path.Combine(RepositoryPaths.Root, "ChatOps.Web", "Localization", "MudWords.resx"));
        var theirs = MudBlazorEnglish();

        Assert.True(theirs.Count > 100, $"only {theirs.Count} MudBlazor texts found: has the resource moved?");
        Assert.Empty(theirs.Keys.Except(ours.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(ours.Keys.Except(theirs.Keys).Order(StringComparer.Ordinal));
        Assert.All(theirs, e => Assert.Equal(e.Value, ours[e.Key]));
    }

    [Fact]
    public void Every_mudblazor_text_has_a_french_word_of_its_own()
    {
        var english = Read(Path.Combine(RepositoryPaths.Root, "ChatOps.Web", "Localization", "MudWords.resx"));
        var french = Read(Path.Combine(RepositoryPaths.Root, "ChatOps.Web", "Localization", "MudWords.fr.resx"));

        // Symbols (=, <=) and the words French shares (Palette, Page) may stay; any other English left is a text forgotten.
        string[] same = ["Palette", "Page {0}"];
        var untranslated = english.Where(e => e.Value.Any(char.IsLetter) && !same.Contains(e.Value) && french[e.Key] == e.Value).Select(e => e.Key);
        Assert.Empty(untranslated);
    }

    [Theory]
    [InlineData("fr", "Lignes par page :")]
    [InlineData("en", "Rows per page:")]
    public void MudBlazors_localizer_reads_our_files_in_the_current_language(string language, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var interceptor = new DefaultLocalizationInterceptor(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            new MudWordsLocalizer(new StringLocalizer<MudWords>(new ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))));

        Assert.Equal(expected, interceptor.Handle("MudDataGridPager_RowsPerPage").Value);
        Assert.Equal(language == "fr" ? "3-4 sur 9" : "3-4 of 9", interceptor.Handle("MudDataGridPager_InfoFormat", 3, 4, 9).Value);
    }

    private static Dictionary<string, string> MudBlazorEnglish()
    {
        // MudBlazor's resource class is internal: read its embedded resource by name.
        using var stream = typeof(MudButton).Assembly.GetManifestResourceStream("MudBlazor.Resources.LanguageResource.resources")!;
        using var reader = new ResourceReader(stream);
        return reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
