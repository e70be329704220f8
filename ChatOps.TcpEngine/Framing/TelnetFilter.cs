namespace ChatOps.TcpEngine.Framing;

/// <summary>
/// Removes telnet commands (RFC 854) from a line: <c>IAC WILL/WONT/DO/DONT option</c>, <c>IAC SB … IAC SE</c> and two-byte
/// commands such as the <c>IAC IP</c> a telnet client sends on Ctrl+C. They are negotiation, not text, and must never be relayed.
/// </summary>
public static class TelnetFilter
{
    private const byte Iac = 255;
    private const byte Sb = 250;
    private const byte Se = 240;
    private const byte Will = 251;
    private const byte Dont = 254;

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> without telnet commands.</summary>
    /// <returns>The number of bytes written; <paramref name="sawCommand"/> says whether anything was removed.</returns>
    public static int Strip(ReadOnlySpan<byte> source, Span<byte> destination, out bool sawCommand)
    {
        sawCommand = false;
        var written = 0;
        var i = 0;
        while (i < source.Length)
        {
            var b = source[i];
            if (b != Iac)
            {
                destination[written++] = b;
                i++;
                continue;
            }

            if (i + 1 >= source.Length)
            {
                sawCommand = true;
                break;
            }

            var command = source[i + 1];
            if (command == Iac)
            {
                // IAC IAC is an escaped 0xFF data byte; it is not valid UTF-8 and becomes U+FFFD later.
                destination[written++] = Iac;
                i += 2;
                continue;
            }

            sawCommand = true;
            i += command switch
            {
                >= Will and <= Dont => 3,
                Sb => SubnegotiationLength(source[i..]),
                _ => 2,
            };
        }
        return written;
    }

    private static int SubnegotiationLength(ReadOnlySpan<byte> fromIac)
    {
        for (var j = 2; j + 1 < fromIac.Length; j++)
        {
            if (fromIac[j] == Iac && fromIac[j + 1] == Se)
                return j + 2;
        }
        return fromIac.Length;
    }
}
