using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Components.Dashboard;

namespace ChatOps.Tests.Web;

public sealed class DiagnosticsTests
{
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer<ChatOps.Web.Localization.UiText> Text = UiLocalizer.Create();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static SessionSnapshot Client(string? pausedFor = null, long queuedBytes = 0, ClientTraits traits = ClientTraits.None) => new(
        1, "10.0.0.2", 40000, Now, 0, 0, 0, 0, Now, traits, 0, null, ServingState.NotApplicable,
        PausedFor: pausedFor, PausedSince: pausedFor is null ? null : Now, QueuedBytes: queuedBytes);

    private static List<string> Labels(SessionSnapshot s) => [.. Diagnostics.Of(s, Now, TimeSpan.FromSeconds(5), Text).Select(d => d.Label)];

    [Fact]
    public void A_sender_paused_by_flow_control_names_the_classmate_it_waits_for()
    {
        var chip = Assert.Single(Diagnostics.Of(Client(pausedFor: "10.0.0.7"), Now, TimeSpan.FromSeconds(5), Text));

        Assert.Equal("paused for 10.0.0.7", chip.Label);
        Assert.Contains("nothing is lost", chip.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backlog_shows_from_64_KB_in_kilobytes()
    {
        Assert.Empty(Labels(Client(queuedBytes: (64 * 1024) - 1)));
        Assert.Equal(["64 KB behind"], Labels(Client(queuedBytes: 64 * 1024)));
        Assert.Equal(["2048 KB behind"], Labels(Client(queuedBytes: 2 * 1024 * 1024)));
    }

    [Fact]
    public void The_chips_of_the_traits_say_in_English_what_the_engine_says_and_have_their_French()
    {
        var traits = Enum.GetValues<ClientTraits>().Aggregate(ClientTraits.None, (all, t) => all | t);
        var chips = Diagnostics.Of(Client(traits: traits), Now, TimeSpan.FromSeconds(5), Text).ToList();

        Assert.Equal(TraitHints.Of(traits).Select(t => (t.Label, t.Hint)), chips.Select(c => (c.Label, c.Meaning)));
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr");
        var french = Diagnostics.Of(Client(traits: ClientTraits.NoNewline), Now, TimeSpan.FromSeconds(5), Text).Single();
        System.Globalization.CultureInfo.CurrentUICulture = previous;
        Assert.Equal("sans fin de ligne", french.Label);
        Assert.Contains("ajoutez \\n", french.Meaning, StringComparison.Ordinal);
    }
}
