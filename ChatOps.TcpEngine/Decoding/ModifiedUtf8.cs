namespace ChatOps.TcpEngine.Decoding;

/// <summary>
/// Java's modified UTF-8 (<c>DataInput.readUTF</c>'s format): NUL as <c>C0 80</c>, characters outside the BMP as two
/// 3-byte surrogates, no 4-byte sequences. Invalid sequences become U+FFFD.
/// </summary>
internal static class ModifiedUtf8
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        Span<char> small = stackalloc char[256];
        var chars = bytes.Length <= small.Length ? small : new char[bytes.Length];
        var n = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                chars[n++] = (char)b;
                i++;
            }
            else if ((b & 0xE0) == 0xC0 && i + 1 < bytes.Length && IsTail(bytes[i + 1]))
            {
                chars[n++] = (char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            }
            else if ((b & 0xF0) == 0xE0 && i + 2 < bytes.Length && IsTail(bytes[i + 1]) && IsTail(bytes[i + 2]))
            {
                chars[n++] = (char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            }
            else
            {
                chars[n++] = '\uFFFD';
                i++;
            }
        }
        // Lone surrogates (half a pair) are not text: replace them as the UTF-8 decoder would.
        return ReplaceLoneSurrogates(chars[..n]);
    }

    /// <summary>The bytes of <paramref name="text"/> in modified UTF-8 (without the length prefix).</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> output)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0001' and <= '\u007f')
            {
                output[n++] = (byte)c;
            }
            else if (c <= '\u07ff')
            {
                output[n++] = (byte)(0xC0 | (c >> 6));
                output[n++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                output[n++] = (byte)(0xE0 | (c >> 12));
                output[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                output[n++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    private static bool IsTail(byte b) => (b & 0xC0) == 0x80;

    private static string ReplaceLoneSurrogates(Span<char> chars)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
