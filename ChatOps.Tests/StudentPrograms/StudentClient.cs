namespace ChatOps.Tests.StudentPrograms;

/// <summary>The student-style client programs of <c>StudentPrograms/Clients</c> (and ChatOps.Tests.StudentClients).</summary>
public enum StudentClient
{
    /// <summary>Python: one <c>send()</c> per message, no newline; one <c>recv(1024)</c> per answer.</summary>
    PythonNoNewline,

    /// <summary>Python: as <see cref="PythonNoNewline"/>, each message ending with <c>\n</c>.</summary>
    PythonNewline,

    /// <summary>Python on a French Windows console: lines in Windows-1252, answers decoded as Windows-1252.</summary>
    PythonWindows1252,

    /// <summary>A character-mode telnet user: negotiation, one send per key, a typo fixed with DEL, Enter as <c>\r\n</c>.</summary>
    Telnet,

    /// <summary>As <see cref="Telnet"/>, Enter sent as <c>\r\0</c> (RFC 854's bare CR).</summary>
    TelnetCrNul,

    /// <summary>
    /// C: each message in a zero-padded 256-byte buffer, one <c>write</c>; <c>read</c> into a buffer. Its user types each
    /// message at the keyboard (300 ms before each write).
    /// </summary>
    CPadded,

    /// <summary>C: as <see cref="CPadded"/>, but the buffer is reused without clearing (<c>bye\0jour é à…</c>).</summary>
    CReusedBuffer,

    /// <summary>C: as <see cref="CPadded"/>, its messages from a pipe (<c>./client &lt; messages.txt</c>): each write follows the answer at once.</summary>
    CPaddedPiped,

    /// <summary>C: as <see cref="CReusedBuffer"/>, its messages from a pipe.</summary>
    CReusedBufferPiped,

    /// <summary>Java: <c>PrintWriter.println</c> and <c>BufferedReader.readLine</c>.</summary>
    JavaPrintln,

    /// <summary>Java: <c>DataOutputStream.writeUTF</c> and <c>DataInputStream.readUTF</c>.</summary>
    JavaWriteUtf,

    /// <summary>Java: reads a line before it writes anything (waits for the server to speak first).</summary>
    JavaReadsFirst,

    /// <summary>C#: <c>StreamWriter</c> with <c>Encoding.UTF8</c> (a BOM first) and a UTF-8 <c>StreamReader</c>.</summary>
    CSharpUtf8Bom,

    /// <summary>C#: <c>StreamWriter</c> and <c>StreamReader</c> with <c>Encoding.Unicode</c> (UTF-16 LE).</summary>
    CSharpUtf16,
}
