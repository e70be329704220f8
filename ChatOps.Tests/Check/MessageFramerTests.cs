using System.Text;
using ChatOps.Grading.Conversation;

namespace ChatOps.Tests.Check;

/// <summary>
/// How the checker cuts what a server writes into messages, with the engine's decoder: lines, bytes followed by
/// silence, NUL-padded buffers, the encodings students' servers write.
/// </summary>
public sealed class MessageFramerTests
{
    [Fact]
    public void Lines_end_at_any_line_end_and_a_NUL_padded_buffer_ends_at_its_first_NUL()
    {
        var framer = new MessageFramer(1024);
        Assert.Equal(["un", "deux", "trois"], framer.Feed("un\ndeux\r\ntrois\0\0\0\0"u8));

        // The padding's tail is dropped until the checker writes again: then the server's next buffer is a new reply.
        Assert.Empty(framer.Feed("\0\0\0"u8));
        framer.NewBurst();
        Assert.Equal(["quatre"], framer.Feed("quatre\0\0\0"u8));
        // A silence ends the dropping too, and the dropped tail is no message.
        Assert.Null(framer.Flush());
        Assert.Equal(["cinq"], framer.Feed("cinq\n"u8));
    }

    [Fact]
    public void A_server_writing_UTF16_or_writeUTF_is_read_as_text()
    {
        Assert.Equal(["é à ç"], new MessageFramer(1024).Feed(Encoding.Unicode.GetBytes("é à ç\n")));
        var record = Encoding.UTF8.GetBytes("[127.0.0.2] salut");
        Assert.Equal(["[127.0.0.2] salut"], new MessageFramer(1024).Feed([0, (byte)record.Length, .. record]));
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
    public void A_message_longer_than_the_maximum_is_dropped_and_counted_so_memory_stays_bounded()
    {
        var framer = new MessageFramer(16);
        Assert.Equal(["court"], framer.Feed("abcdefghijklmnopqrstuvwxyz\ncourt\n"u8));
        Assert.Equal(1, framer.TooLong);
    }
}
