using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ChatOps.TcpEngine.Decoding;

/// <summary>
/// Turns one framed line of 8-bit text into a string: UTF-8 when it is valid UTF-8; otherwise Windows-1252 when every
/// byte is defined there (é, è, à, ç typed on a French Windows console); otherwise UTF-8 with U+FFFD for what is invalid.
/// </summary>
internal static class LineText
{
    // The five bytes Windows-1252 leaves undefined: a line holding one is not 1252 text.
    private static readonly SearchValues<byte> Undefined1252 = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);

    public static readonly Encoding Windows1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static string Decode(ReadOnlySpan<byte> bytes, out TextEncoding seen)
    {
        if (Utf8.IsValid(bytes))
        {
            seen = bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF) ? TextEncoding.Utf8 : TextEncoding.Ascii;
            return Encoding.UTF8.GetString(bytes);
        }
        if (!bytes.ContainsAny(Undefined1252))
        {
            seen = TextEncoding.Windows1252;
            return Windows1252.GetString(bytes);
        }
        seen = TextEncoding.Invalid;
        return Encoding.UTF8.GetString(bytes);
    }
}

/// <summary>What <see cref="LineText.Decode"/> found a line to be.</summary>
internal enum TextEncoding
{
    Ascii,
    Utf8,
    Windows1252,
    Invalid,
}
