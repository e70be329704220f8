using System.Text;
using ChatOps.TcpEngine.Decoding;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Decoding;

/// <summary>The inbound decoder, rule by rule (docs/protocol.md "Framing" and "Encodings"), without a socket.</summary>
public sealed class DecoderTests
{
    private static readonly byte[] P = Decoded.Pause;

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    private static List<string> Lines(params byte[][] pieces) => Decoded.Of(pieces).Lines;

    [Theory]
    [InlineData("a\nb\n", ClientTraits.LineFeed)]
    [InlineData("a\r\nb\r\n", ClientTraits.CrLf)]
    [InlineData("a\rb\r", ClientTraits.BareCr)]
    [InlineData("a\r\r\nb\r\r\n", ClientTraits.CrCrLf)]
    public void Every_line_end_ends_a_line_and_is_seen(string stream, ClientTraits seen)
    {
        var decoded = Decoded.Of([U(stream)]);
        Assert.Equal(["a", "b"], decoded.Lines);
        Assert.Equal(seen, decoded.Decoder.Seen);
    }

    [Fact]
    public void The_extra_carriage_return_of_CR_CR_LF_does_not_count_against_the_maximum()
    {
        var max = new string('x', 16);
        Assert.Equal([max], Decoded.Of([U(max + "\r\r\n")], maxLineBytes: 16).Lines);
    }

    [Fact]
    public void A_message_without_newline_ends_at_a_pause_as_recv_would_see_it()
    {
        var decoded = Decoded.Of([U("bonjour"), P, U("bye"), P]);
        Assert.Equal(["bonjour", "bye"], decoded.Lines);
        Assert.Equal(ClientTraits.NoNewline, decoded.Decoder.Seen);
    }

    [Fact]
    public void Pieces_of_one_message_before_the_pause_are_one_message()
    {
        Assert.Equal(["bonjour à tous"], Lines(U("bon"), U("jour "), U("à tous"), P));
    }

    [Fact]
    public void A_program_that_switches_from_messages_to_lines_loses_and_glues_nothing()
    {
        Assert.Equal(["un", "deux", "trois", "quatre"], Lines(U("un"), P, U("deux\n"), U("trois"), P, U("quatre\r\n")));
    }

    [Fact]
    public void A_NUL_ends_the_message_and_the_rest_of_the_burst_is_dropped_until_a_pause()
    {
        var buffer = new byte[256];
        U("bye\0our é à leftovers\n").CopyTo(buffer, 0);
        var decoded = Decoded.Of([buffer[..100], buffer[100..], P, U("next"), P]);
        Assert.Equal(["bye", "next"], decoded.Lines);
        Assert.Equal(ClientTraits.NulPadded | ClientTraits.NoNewline, decoded.Decoder.Seen);
    }

    [Fact]
    public void Telnets_CR_NUL_is_a_line_end_and_drops_nothing()
    {
        Assert.Equal(["un", "deux"], Lines([255, 253, 1, .. U("un\r\0deux\r\0")]));
    }

    [Fact]
    public void A_UTF8_BOM_at_the_start_is_removed_and_never_in_the_way_of_bye()
    {
        var decoded = Decoded.Of([[0xEF, 0xBB, 0xBF, .. U("bye\r\n")]]);
        Assert.Equal(["bye"], decoded.Lines);
        Assert.True(decoded.Decoder.Seen.HasFlag(ClientTraits.Bom));
    }

    [Fact]
    public void A_BOM_before_each_message_is_removed_too()
    {
        Assert.Equal(["un", "deux"], Lines(Encoding.UTF8.GetPreamble().Concat(U("un")).ToArray(), P, Encoding.UTF8.GetPreamble().Concat(U("deux")).ToArray(), P));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void UTF16_with_or_without_BOM_is_decoded_and_answered_in_kind(bool bigEndian, bool bom)
    {
        var encoding = new UnicodeEncoding(bigEndian, bom);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("élève 😀\r\nbye\r\n")).ToArray();
        var decoded = Decoded.Of([bytes]);
        Assert.Equal(["élève 😀", "bye"], decoded.Lines);
        Assert.Equal(bigEndian ? ReplyEncoding.Utf16BigEndian : ReplyEncoding.Utf16LittleEndian, decoded.Decoder.Reply);
        Assert.True(decoded.Decoder.Seen.HasFlag(ClientTraits.Utf16));
    }

    [Fact]
    public void Java_writeUTF_records_are_messages_in_modified_UTF8()
    {
        // writeUTF("é\0😀") then writeUTF("bye"): NUL as C0 80, the emoji as two 3-byte surrogates.
        byte[] first = [0x00, 0x0A, 0xC3, 0xA9, 0xC0, 0x80, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80];
        byte[] second = [0x00, 0x03, .. U("bye")];
        var decoded = Decoded.Of([[.. first, .. second]]);
        Assert.Equal(["é😀", "bye"], decoded.Lines);
        Assert.Equal(ReplyEncoding.WriteUtf, decoded.Decoder.Reply);
        Assert.Equal(ClientTraits.WriteUtf | ClientTraits.ControlCharacters, decoded.Decoder.Seen);
    }

    [Fact]
    public void A_writeUTF_record_of_more_than_255_bytes_is_recognised()
    {
        var text = new string('a', 300);
        Assert.Equal([text], Lines([0x01, 0x2C, .. U(text)]));
    }

    [Fact]
    public void A_line_that_is_not_UTF8_but_Windows_1252_is_decoded_as_such_and_flagged()
    {
        var decoded = Decoded.Of([[.. U("caf"), 0xE9, (byte)' ', 0x80, (byte)'\n']]);
        Assert.Equal(["café €"], decoded.Lines);
        Assert.Equal(ReplyEncoding.Windows1252, decoded.Decoder.Reply);
        Assert.True(decoded.Decoder.Seen.HasFlag(ClientTraits.Windows1252));
    }

    [Fact]
    public void Backspace_and_DEL_edit_the_line_as_a_character_mode_terminal_expects()
    {
        var decoded = Decoded.Of([[255, 251, 3, .. U("by"), .. U("x"), 0x7F, .. U("e\r\n"), .. U("arrez"), 0x08, .. U("t\r\n")]]);
        Assert.Equal(["bye", "arret"], decoded.Lines);
        Assert.True(decoded.Decoder.Seen.HasFlag(ClientTraits.Edited));
    }

    [Fact]
    public void A_newline_byte_inside_a_telnet_subnegotiation_never_splits_a_line()
    {
        // IAC SB NAWS 0 10 0 24 IAC SE in the middle of a line: 10 is \n.
        Assert.Equal(["ab"], Lines([.. U("a"), 255, 250, 31, 0, 10, 0, 24, 255, 240, .. U("b\r\n")]));
    }

    [Fact]
    public void Once_telnet_is_seen_pauses_no_longer_end_anything()
    {
        // A character-mode terminal sends each key as it is typed.
        Assert.Equal(["bonjour"], Lines([255, 251, 24], U("bon"), P, U("jour"), P, U("\r\n")));
    }

    [Fact]
    public void A_lone_0xFF_that_is_no_telnet_command_is_decoded_like_any_byte()
    {
        Assert.Equal(["ÿa", "zÿ"], Lines([0xFF, (byte)'a', (byte)'\n'], U("z"), [0xFF], P));
    }

    [Fact]
    public void Bidi_zero_width_and_separators_are_removed_before_anyone_sees_the_line()
    {
        var decoded = Decoded.Of([U("a\u202Eb\u2066c\u200Bd\u2060e\uFEFFf\u2028[10.0.0.5] fake\u2029g\n")]);
        Assert.Equal(["abcdef [10.0.0.5] fake g"], decoded.Lines);
        Assert.True(decoded.Decoder.Seen.HasFlag(ClientTraits.FormatCharacters));
    }

    [Fact]
    public void Four_thousand_five_hundred_bytes_sent_as_messages_are_never_too_long()
    {
        var pieces = Enumerable.Range(0, 9).SelectMany(_ => new[] { U(new string('m', 500)), P });
        Assert.Equal(9, Decoded.Of(pieces).Lines.Count(l => l.Length == 500));
    }

    [Fact]
    public void Bytes_past_the_maximum_without_a_line_end_or_pause_are_dropped_once_up_to_the_pause()
    {
        Assert.Equal([Decoded.TooLong, "ok"], Lines(U(new string('x', 3000)), U(new string('x', 3000)), P, U("ok"), P));
    }

    [Fact]
    public void Messages_framing_keeps_a_burst_whole_with_its_line_ends_as_spaces()
    {
        Assert.Equal(["un deux"], Decoded.Of([U("un\r\ndeux\n"), P], FramingMode.Messages).Lines);
    }

    [Fact]
    public void Strict_lines_framing_waits_for_the_newline_whatever_the_pause()
    {
        var decoded = Decoded.Of([U("sans"), P, U(" fin\n"), U("perdu")], FramingMode.Lines);
        Assert.Equal(["sans fin"], decoded.Lines);
    }

    [Fact]
    public void At_the_end_of_input_held_bytes_are_a_message_and_with_strict_lines_they_are_reported()
    {
        var auto = new Decoded();
        auto.Read(U("dernier"));
        Assert.Equal(0, auto.Decoder.End(auto));
        Assert.Equal(["dernier"], auto.Lines);

        var strict = new Decoded(mode: FramingMode.Lines);
        strict.Read(U("dernier"));
        Assert.Equal(7, strict.Decoder.End(strict));
        Assert.Empty(strict.Lines);
    }
}
