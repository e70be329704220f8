using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatOps.Grading;
using ChatOps.Tests.Web;

namespace ChatOps.Tests.Check;

/// <summary>The checks' reasons as phrases: said in English and in French from the same key and values, kept as JSON.</summary>
public sealed partial class GradingTextTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static TheoryData<string> Keys => [.. Phrases().Keys];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_phrase_formats_in_both_languages_and_the_French_is_not_the_English(string key)
    {
        var count = Placeholders().Matches(Phrases()[key]).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        var reason = new CheckReason(key, [.. Enumerable.Range(0, count).Select(i => (object)(long)(1000 + i))]);

        var english = reason.Text(CultureInfo.GetCultureInfo("en-GB"));
        var french = reason.Text(French);

        Assert.Equal(reason.ToString(), english);
        Assert.DoesNotContain("{", english + french, StringComparison.Ordinal);
        if (key != "Text")
            Assert.NotEqual(english, french);
    }

    [Fact]
    public void A_nested_reason_is_said_whole_in_each_language_durations_as_people_say_them_and_the_servers_text_as_it_came()
    {
        var got = Words.Quote("bye-1f2e-000 encore la ? <b>é</b>");
        var reason = new CheckReason("Bye.NotServed", new CheckReason("Trip.Changed", got, Words.Quote("bye-1f2e-000 encore la ?")));
        var slow = new CheckReason("Slow.Advice", new CheckReason("Slow.NoMessage", 3.0625, 1500L));

        Assert.Equal("after a client said bye, a new client was not served: the message arrived changed: got \"bye-1f2e-000 encore la ? <b>é</b>\", sent \"bye-1f2e-000 encore la ?\"",
            reason.Text(CultureInfo.InvariantCulture));
        Assert.Equal("après le bye d'un client, un nouveau client n'a pas été servi : le message est arrivé modifié : reçu \"bye-1f2e-000 encore la ? <b>é</b>\", envoyé \"bye-1f2e-000 encore la ?\"",
            reason.Text(French));
        Assert.StartsWith("avec un client qui ne lit jamais, B a reçu les 3.1 Mo mais pas le message de A au bout de 1.5 s : votre serveur attend", slow.Text(French), StringComparison.Ordinal);
        Assert.Equal("pas de réponse au bout de 150 ms", new CheckReason("Net.NoAnswer", 150).Text(French));
    }

    [Fact]
    public void A_reason_goes_through_JSON_unchanged_and_text_that_is_not_a_reason_reads_as_null()
    {
        var reason = new CheckReason("Run.NotRun", "bye", new CheckReason("Net.Error", "Network is unreachable"));
        var ratio = new CheckReason("Slow.Partial", 3.0625, 12L);

        Assert.Equal("""{"key":"Run.NotRun","args":["bye",{"key":"Net.Error","args":["Network is unreachable"]}]}""", reason.ToJson());
        Assert.Equal(reason, CheckReason.FromJson(reason.ToJson()));
        Assert.Equal(ratio, CheckReason.FromJson(ratio.ToJson()));
        Assert.Null(CheckReason.FromJson("after bye, your server did not close the connection"));
        Assert.Null(CheckReason.FromJson("""{"args":[]}"""));
        Assert.Null(CheckReason.FromJson(null));
        Assert.Throws<ArgumentException>(() => new CheckReason("Connect.Pass", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_key_this_build_does_not_know_shows_as_its_key_and_values()
    {
        Assert.Equal("Future.Phrase(3, x)", new CheckReason("Future.Phrase", 3, "x").Text(French));
    }

    private static Dictionary<string, string> Phrases() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "ChatOps.Grading", "Localization", "GradingText.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [GeneratedRegex(@"\{(\d+)(:[^}]*)?\}")]
    private static partial Regex Placeholders();
}
