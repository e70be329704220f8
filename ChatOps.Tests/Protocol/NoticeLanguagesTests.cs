using System.Text;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Tests.Protocol;

public sealed class NoticeLanguagesTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static TheoryData<ChatLanguage> Languages => [ChatLanguage.Fr, ChatLanguage.En];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_notice_is_one_short_line_starting_with_star_space(ChatLanguage language)
    {
        var notices = AllNotices.Of(Notices.For(language));
        Assert.True(notices.Count >= 21, $"only {notices.Count} notices found");
        Assert.All(notices, n =>
        {
            Assert.StartsWith(Notices.Prefix, n.Text, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', n.Text);
            Assert.DoesNotContain('\r', n.Text);
            Assert.True(n.Text.Length <= 120, $"{n.Name} is {n.Text.Length} characters: {n.Text}");
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_notice_survives_Windows_1252(ChatLanguage language)
    {
        // A student's C# or Java program on Windows may read in code page 1252: a character it lacks would arrive as '?'.
        Assert.All(AllNotices.Of(Notices.For(language)), n => Assert.Equal(n.Text, Windows1252.GetString(Windows1252.GetBytes(n.Text))));
    }

    [Fact]
    public void Every_notice_is_translated()
    {
        var english = AllNotices.Of(Notices.English);
        var french = AllNotices.Of(Notices.French);
        Assert.Equal(english.Select(n => n.Name), french.Select(n => n.Name));
        Assert.All(english.Zip(french), pair => Assert.NotEqual(pair.First.Text, pair.Second.Text));
    }

    [Fact]
    public void French_is_the_default_and_the_protocol_words_stay_the_same()
    {
        Assert.Equal(ChatLanguage.Fr, new ChatOptions().Language);
        Assert.Equal("* connecté à ChatOps (mode sync), 2 autre(s) client(s) ici ; tapez bye pour partir", Notices.French.Welcome(ChatMode.Sync, 2));
        Assert.Equal("* arret : le serveur s'arrête (demandé par 10.0.0.1)", Notices.French.Arret("10.0.0.1"));
        Assert.Equal("* connected to ChatOps (sync mode), 2 other client(s) here; type bye to leave", Notices.English.Welcome(ChatMode.Sync, 2));
        Assert.Same(Notices.English, Notices.For(ChatLanguage.En));
    }
}
