using System.Buffers;
using System.Text;

namespace ChatOps.TcpEngine.Decoding;

/// <summary>
/// Re-encodes outgoing lines (UTF-8, each ending in <c>\n</c>, as every line is queued) for a client that uses another
/// encoding or line end. Only such clients pay for it; everyone else shares the relay's bytes.
/// </summary>
internal static class ReplyEncoder
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(
        1252, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback)!;

    private static readonly Encoding Utf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    private static readonly Encoding Utf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    public static byte[] Encode(ReadOnlySpan<byte> utf8Lines, ReplyEncoding encoding, bool crLf)
    {
        var output = new ArrayBufferWriter<byte>(utf8Lines.Length * 2 + 16);
        var newline = crLf ? "\r\n" : "\n";
        while (!utf8Lines.IsEmpty)
        {
            var end = utf8Lines.IndexOf((byte)'\n');
            var line = Encoding.UTF8.GetString(end < 0 ? utf8Lines : utf8Lines[..end]);
            utf8Lines = end < 0 ? default : utf8Lines[(end + 1)..];
            switch (encoding)
            {
                case ReplyEncoding.WriteUtf:
                    WriteRecord(line, output);
                    break;
                case ReplyEncoding.Windows1252:
                    Windows1252.GetBytes(line + newline, output);
                    break;
                case ReplyEncoding.Utf16LittleEndian:
                    Utf16LittleEndian.GetBytes(line + newline, output);
                    break;
                case ReplyEncoding.Utf16BigEndian:
                    Utf16BigEndian.GetBytes(line + newline, output);
                    break;
                default:
                    Encoding.UTF8.GetBytes(line + newline, output);
                    break;
            }
        }
        return output.WrittenSpan.ToArray();
    }

    // readUTF takes at most 65,535 bytes: a longer line (impossible with the default limits) is cut.
    private static void WriteRecord(string line, ArrayBufferWriter<byte> output)
    {
        var room = output.GetSpan(2 + line.Length * 3);
        var length = Math.Min(ModifiedUtf8.Encode(line, room[2..]), ushort.MaxValue);
        room[0] = (byte)(length >> 8);
        room[1] = (byte)length;
        output.Advance(2 + length);
    }
}
