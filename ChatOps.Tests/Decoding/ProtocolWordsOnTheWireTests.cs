using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Decoding;

/// <summary>The protocol words as programs really send them: normalised, cleaned, in any encoding.</summary>
public sealed class ProtocolWordsOnTheWireTests
{
    public static TheoryData<string, byte[]> Arrets() => new()
    {
        { "NFC UTF-8", "arr\u00eat\n"u8.ToArray() },
        { "NFD UTF-8", "arre\u0302t\n"u8.ToArray() },
        { "Windows-1252", [.. "arr"u8, 0xEA, (byte)'t', (byte)'\r', (byte)'\n'] },
        { "zero-width space inside", "ar\u200Bret\n"u8.ToArray() },
        { "BOM and no newline", [0xEF, 0xBB, 0xBF, .. "arret"u8] },
        { "UTF-16LE", [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("arrêt\r\n")] },
        { "writeUTF", [0x00, 0x06, .. "arrêt"u8] },
        { "telnet with a typo corrected", [255, 251, 24, .. "arrz"u8, 0x7F, .. "et\r\n"u8] },
    };

    [Theory]
    [MemberData(nameof(Arrets))]
    public void Arret_counts_in_every_encoding_and_form(string form, byte[] bytes)
    {
        var line = Assert.Single(Decoded.Of([bytes, Decoded.Pause]).Lines);
        Assert.True(ProtocolWords.Parse(line) == ProtocolWord.Arret, $"{form}: '{line}'");
    }
}
