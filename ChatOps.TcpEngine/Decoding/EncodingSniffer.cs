namespace ChatOps.TcpEngine.Decoding;

/// <summary>
/// Tells from the first bytes of a connection how it carries text. Rules, in order:
/// <list type="bullet">
/// <item><c>EF BB BF</c>: UTF-8 with a BOM (3 bytes skipped).</item>
/// <item><c>FF FE</c> then a character whose high byte is 0: UTF-16LE with a BOM (a telnet <c>IAC DONT</c> is never followed by NUL).</item>
/// <item><c>FE FF</c>: UTF-16BE with a BOM.</item>
/// <item><c>00 x 00 y</c>: UTF-16BE without BOM; <c>x 00 y 00</c> (x, y not NUL): UTF-16LE without BOM.</item>
/// <item><c>00 n</c> then a non-NUL byte: writeUTF (modified UTF-8 never holds a 00 byte); so is a first byte 01–0F
/// that no text starts with, then any byte, then a printable one, for records of 256 bytes or more.</item>
/// <item>Anything else: 8-bit text.</item>
/// </list>
/// Needs at most 4 bytes; with fewer and more to come it answers "undecided", and at a pause it decides with what it has.
/// </summary>
internal static class EncodingSniffer
{
    public const int MaxBytes = 4;

    /// <returns>False when more bytes are needed (only when <paramref name="final"/> is false).</returns>
    public static bool TrySniff(ReadOnlySpan<byte> head, bool final, out WireEncoding encoding, out int bomLength)
    {
        encoding = WireEncoding.EightBit;
        bomLength = 0;
        if (head.IsEmpty)
            return final;
        var needed = Needed(head);
        if (head.Length < needed && !final)
            return false;
        (encoding, bomLength) = Decide(head);
        return true;
    }

    // How many bytes tell this start apart; printable text is decided on its second byte unless that is a NUL.
    private static int Needed(ReadOnlySpan<byte> h)
    {
        var first = h[0];
        if (h.Length == 1)
            return first is (>= 0x20 and < 0x80) or 0x00 or 0xEF or 0xFE or 0xFF || MayStartLongRecord(first) ? 2 : 1;
        var second = h[1];
        return first switch
        {
            0xEF => second == 0xBB ? 3 : 2,
            0xFF => second == 0xFE ? 4 : 2,
            0xFE => 2,
            0x00 => second == 0 ? 2 : 3,
            >= 0x20 and < 0x80 => second == 0 ? 4 : 2,
            _ when MayStartLongRecord(first) => 3,
            _ => 1,
        };
    }

    // A writeUTF record of 256 bytes or more starts with its length's high byte; no text starts with these controls.
    private static bool MayStartLongRecord(byte first) =>
        first is >= 0x01 and <= 0x0F and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\b');

    private static (WireEncoding, int) Decide(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith("\xEF\xBB\xBF"u8))
            return (WireEncoding.EightBit, 3);
        if (h.Length >= 2 && h[0] == 0xFF && h[1] == 0xFE && (h.Length == 2 || (h.Length >= 4 && h[3] == 0)))
            return (WireEncoding.Utf16LittleEndian, 2);
        if (h.Length >= 2 && h[0] == 0xFE && h[1] == 0xFF)
            return (WireEncoding.Utf16BigEndian, 2);
        if (h[0] == 0x00)
        {
            if (h.Length < 2 || h[1] == 0)
                return (WireEncoding.EightBit, 0);
            if (h.Length == 2 || h[2] == 0)
                return (WireEncoding.Utf16BigEndian, 0);
            return (WireEncoding.WriteUtf, 0);
        }
        // A long record's text starts like text: a printable character or a UTF-8 lead byte, not another control.
        if (MayStartLongRecord(h[0]) && h.Length >= 3 && h[1] != 0 && h[2] >= 0x20 && h[2] != 0x7F)
            return (WireEncoding.WriteUtf, 0);
        if (h.Length >= 4 && h[0] != 0 && h[1] == 0 && h[2] != 0 && h[3] == 0)
            return (WireEncoding.Utf16LittleEndian, 0);
        return (WireEncoding.EightBit, 0);
    }
}
