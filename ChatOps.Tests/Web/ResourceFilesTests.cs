using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Dashboard;

namespace ChatOps.Tests.Web;

/// <summary>
/// No word left untranslated: every resource file of every language has the neutral (English) file's keys, no empty value,
/// and the same format placeholders; and every key the code asks for exists.
/// </summary>
public sealed partial class ResourceFilesTests
{
    public static TheoryData<string> Translations => [.. TranslatedFiles().Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))];

    [Fact]
    public void Every_resource_file_has_a_French_translation()
    {
        var neutral = ResxFiles().Where(f => !IsTranslation(f)).ToList();
        Assert.NotEmpty(neutral);
        Assert.All(neutral, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".fr.resx")), $"{f} has no French file"));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_every_key_no_empty_value_and_the_same_placeholders(string file)
    {
        var translated = Read(Path.Combine(RepositoryPaths.Root, file));
        var neutral = Read(Path.Combine(RepositoryPaths.Root, NeutralOf(file)));

        Assert.Equal(neutral.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        Assert.All(neutral.Concat(translated), e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} is empty"));
        Assert.All(neutral, e => Assert.True(Placeholders(e.Value).SetEquals(Placeholders(translated[e.Key])),
            $"{e.Key}: '{e.Value}' and '{translated[e.Key]}' differ in placeholders"));
    }

    [Fact]
    public void Every_key_the_dashboard_asks_for_exists()
    {
        var keys = Read(Path.Combine(RepositoryPaths.Root, "ChatOps.Web", "Localization", "UiText.resx")).Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "ChatOps.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var used = sources.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Concat(PhraseKey().Matches(File.ReadAllText(f))).Select(m => m.Groups[1].Value)).ToHashSet();
        // The keys made from a value: one per mode, mirror kind, operator target and ban duration.
        used.UnionWith(ModeDescriptions.All.Select(m => $"Mode.{m}"));
        used.UnionWith(Enum.GetValues<MirrorKind>().Select(k => $"Mirror.Kind.{k}"));
        used.UnionWith(Enum.GetNames<ChatOps.History.Roster.RosterProblem>().Concat(ChatOps.Web.Roster.RosterCsv.FileProblems).Select(p => $"Roster.Problem.{p}"));
        used.UnionWith(Enum.GetValues<OperatorTarget>().Select(t => $"Operator.Target.{t}"));
        used.UnionWith(Enum.GetNames<ChatOps.TcpEngine.Events.DisconnectReason>().Select(r => $"Mirror.Say.Disconnected.{r}"));
        used.UnionWith(Enum.GetNames<ChatOps.TcpEngine.Events.StopReason>().Select(r => $"Mirror.Say.Stopped.{r}"));
        used.UnionWith(ChatOps.Web.Components.Records.BanDialog.Durations.Select(d => $"Ban.Duration.{d.Key}"));
        var traits = Enum.GetValues<ClientTraits>().Where(t => t != ClientTraits.None).ToList();
        used.UnionWith(traits.Select(t => $"Trait.{t}").Concat(traits.Select(t => $"Trait.{t}.Hint")));

        Assert.True(used.Count > 100, $"only {used.Count} keys found: is the pattern still right?");
        Assert.Empty(used.Except(keys).Order(StringComparer.Ordinal));
        Assert.Empty(keys.Except(used).Order(StringComparer.Ordinal));
        Assert.Contains(ChatMode.Relay, ModeDescriptions.All);
    }

    [Fact]
    public void Every_phrase_the_grader_uses_exists_and_every_phrase_is_used()
    {
        var keys = Read(Path.Combine(RepositoryPaths.Root, "ChatOps.Grading", "Localization", "GradingText.resx")).Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "ChatOps.Grading"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        // A reason's key is a literal Word.Word wherever it is chosen (new("Echo.Pass", …), or a ternary between two).
        var used = sources.SelectMany(f => GradingKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        // The one key without a dot: a text stored by an older ChatOps (CheckReason.Literal).
        used.Add(ChatOps.Grading.CheckReason.Literal("").Key);

        Assert.True(used.Count > 60, $"only {used.Count} keys found: is the pattern still right?");
        Assert.Empty(used.Except(keys).Order(StringComparer.Ordinal));
        Assert.Empty(keys.Except(used).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> ResxFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Root, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    private static IEnumerable<string> TranslatedFiles() => ResxFiles().Where(IsTranslation);

    private static bool IsTranslation(string file) => Path.GetFileNameWithoutExtension(file).Contains('.', StringComparison.Ordinal);

    private static string NeutralOf(string file) =>
        Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(file)) + ".resx");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    // L["Key"] and L["Key", args] (text[...] in helpers given the localizer): the lookups with a literal key.
    [GeneratedRegex(@"\b(?:L|text)\[""([A-Za-z0-9.]+)""")]
    private static partial Regex LiteralKey();

    // The grader's phrase keys: two capitalised words and one dot, in quotes, not an attribute's value (cref="Type.Member").
    [GeneratedRegex(@"(?<!=)""([A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*)""")]
    private static partial Regex GradingKey();

    // The mirror's server words, kept as phrases: new("Mirror.Say.Started", mode) (MirrorLines.cs).
    [GeneratedRegex(@"\bnew\(""(Mirror\.[A-Za-z0-9.]+)""")]
    private static partial Regex PhraseKey();
}
