using ChatOps.Grading.Conversation;

namespace ChatOps.Tests.Check;

/// <summary>Any prefix that names the sender's address counts; another address, or the address after the text, does not.</summary>
public sealed class IpMentionTests
{
    [Theory]
    [InlineData("[127.0.0.2] salut")]
    [InlineData("127.0.0.2: salut")]
    [InlineData("<127.0.0.2> salut")]
    [InlineData("127.0.0.2 > salut")]
    [InlineData("127.0.0.2:51234 dit : salut")]
    [InlineData("[::ffff:127.0.0.2] salut")]
    public void A_prefix_naming_the_address_counts(string message) => Assert.True(IpMention.NamesBefore(message, "127.0.0.2", "salut"));

    [Theory]
    [InlineData("salut")]
    [InlineData("[127.0.0.23] salut")]
    [InlineData("[127.0.0.20] salut")]
    [InlineData("[127.0.0.1] salut")]
    [InlineData("salut [127.0.0.2]")]
    public void Another_address_or_none_does_not(string message) => Assert.False(IpMention.NamesBefore(message, "127.0.0.2", "salut"));

    [Fact]
    public void Two_messages_glued_together_split_where_each_address_starts()
    {
        Assert.Equal(["[", "127.0.0.2] a1[", "127.0.0.3] b1"], IpMention.SplitAt("[127.0.0.2] a1[127.0.0.3] b1", ["127.0.0.2", "127.0.0.3"]));
    }
}
