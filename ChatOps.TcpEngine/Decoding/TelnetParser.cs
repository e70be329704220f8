namespace ChatOps.TcpEngine.Decoding;

/// <summary>
/// Removes telnet commands (RFC 854) from a byte stream before it is framed, keeping its state across reads:
/// <c>IAC WILL/WONT/DO/DONT option</c>, subnegotiations <c>IAC SB … IAC SE</c> (so a newline byte inside one never
/// splits a line) and two-byte commands such as the <c>IAC IP</c> a telnet client sends on Ctrl+C. Erase-character and
/// erase-line become backspace and Ctrl+U, which the line editor applies. <c>IAC IAC</c> is a 0xFF data byte, and a
/// 0xFF followed by a byte that is no telnet command is data too (Windows-1252's ÿ), as is one left alone at a pause.
/// </summary>
internal sealed class TelnetParser
{
    private const byte Iac = 255;
    private const byte Sb = 250;
    private const byte Se = 240;
    private const byte Will = 251;
    private const byte Dont = 254;
    private const byte EraseCharacter = 247;
    private const byte EraseLine = 248;
    private const byte FirstCommand = 240;

    // A subnegotiation longer than this is no real option (window size, terminal type are a few bytes): give up on it
    // rather than swallow a client's text forever.
    private const int MaxSubnegotiationBytes = 1024;

    private State _state;
    private int _subnegotiationBytes;

    private enum State
    {
        Data,
        Command,
        Option,
        Subnegotiation,
        SubnegotiationIac,
    }

    /// <summary>True once a telnet command was seen: the peer is a telnet client.</summary>
    public bool Negotiated { get; private set; }

    /// <summary>True while a lone IAC waits for the byte that says what it is.</summary>
    public bool HoldsByte => _state == State.Command;

    /// <summary>Whether <paramref name="chunk"/> can pass through untouched (no IAC, no command in progress).</summary>
    public bool IsPlain(ReadOnlySpan<byte> chunk) => _state == State.Data && !chunk.Contains(Iac);

    /// <summary>Writes the data bytes of <paramref name="input"/> to <paramref name="output"/> (at least input + 1 long).</summary>
    /// <returns>How many bytes were written.</returns>
    public int Filter(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        foreach (var b in input)
        {
            switch (_state)
            {
                case State.Data when b == Iac:
                    _state = State.Command;
                    break;
                case State.Data:
                    output[written++] = b;
                    break;
                case State.Command:
                    written += OnCommand(b, output[written..]);
                    break;
                case State.Option:
                    _state = State.Data;
                    break;
                case State.Subnegotiation:
                    _state = b == Iac ? State.SubnegotiationIac : State.Subnegotiation;
                    if (++_subnegotiationBytes > MaxSubnegotiationBytes)
                        _state = State.Data;
                    break;
                case State.SubnegotiationIac:
                    _state = b == Se ? State.Data : State.Subnegotiation;
                    break;
            }
        }
        return written;
    }

    /// <summary>At a pause, an IAC still waiting for its command was a data byte: writes it (0 or 1 byte).</summary>
    public int Flush(Span<byte> output)
    {
        if (_state != State.Command)
            return 0;
        _state = State.Data;
        output[0] = Iac;
        return 1;
    }

    private int OnCommand(byte command, Span<byte> output)
    {
        _state = State.Data;
        if (command == Iac)
        {
            output[0] = Iac;
            return 1;
        }
        if (command < FirstCommand)
        {
            // Not a telnet command: the 0xFF was data.
            output[0] = Iac;
            output[1] = command;
            return 2;
        }
        Negotiated = true;
        switch (command)
        {
            case >= Will and <= Dont:
                _state = State.Option;
                return 0;
            case Sb:
                _state = State.Subnegotiation;
                _subnegotiationBytes = 0;
                return 0;
            case EraseCharacter:
                output[0] = (byte)'\b';
                return 1;
            case EraseLine:
                output[0] = TextEditing.KillLine;
                return 1;
            default:
                return 0;
        }
    }
}
