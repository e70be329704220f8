using System.Text;
using ChatOps.Grading.Conversation;

namespace ChatOps.Tests.Check;

/// <summary>How the checker cuts what a server writes into messages: lines, or bytes followed by silence.</summary>
public sealed class MessageFramerTests
{
    [Fact]
    public void Lines_end_at_newline_without_their_CR_or_NUL_padding()
    {
        var framer = new MessageFramer(1024);
        Assert.Equal(["un", "deux", "trois", ""], framer.Feed("un\ndeux\r\ntrois\0\0\n\n"u8));
        Assert.False(framer.HasPartial);
    }

    [Fact]
    public void Bytes_without_newline_wait_for_the_silence_and_come_out_as_one_message()
    {
        var framer = new MessageFramer(1024);
        Assert.Empty(framer.Feed("[127.0.0.2] sa"u8));
        Assert.Empty(framer.Feed("lut"u8));
        Assert.True(framer.HasPartial);
        Assert.Equal("[127.0.0.2] salut", framer.Flush());
        Assert.Null(framer.Flush());
    }

    [Fact]
    public void Byte_by_byte_gives_the_same_messages_as_all_at_once_and_UTF8_split_across_reads_survives()
    {
        var bytes = Encoding.UTF8.GetBytes("é à ç € 🙂\r\nligne 2\n");
        var whole = new MessageFramer(1024).Feed(bytes);
        var byteByByte = new MessageFramer(1024);
        var pieces = bytes.SelectMany(b => byteByByte.Feed([b])).ToList();
        Assert.Equal(["é à ç € 🙂", "ligne 2"], whole);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void A_message_longer_than_the_maximum_is_cut_so_memory_stays_bounded()
    {
        var framer = new MessageFramer(4);
        Assert.Equal(["abcd", "efgh"], framer.Feed("abcdefghij"u8));
        Assert.Equal("ij", framer.Flush());
    }
}
