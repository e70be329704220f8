using System.Globalization;
using System.Text;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// The byte view of a connection, as <c>ncat --hex-dump</c> shows it: rows of 16 bytes with their offset, hex and text.
/// In the text, printable ASCII shows as itself, the protocol's bytes as the escapes students write in their code
/// (<c>\n</c>, <c>\r</c>, <c>\0</c>, <c>\t</c>), and every other byte as <c>·</c>, all marked, so the teacher can show a
/// student exactly what the program wrote. ASCII only: the classroom's browser may lack the Unicode control pictures. Plain strings only: the
/// component renders them as text, never as markup.
/// </summary>
public static class ByteDump
{
    public const int BytesPerRow = 16;

    public static IEnumerable<ByteRow> Rows(TrailChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        for (var offset = 0; offset < chunk.Bytes.Length; offset += BytesPerRow)
        {
            var row = chunk.Bytes.AsSpan(offset, Math.Min(BytesPerRow, chunk.Bytes.Length - offset));
            yield return new ByteRow(offset.ToString("x4", CultureInfo.InvariantCulture), Hex(row), Glyphs(row));
        }
    }

    public static ByteGlyph Glyph(byte b) => b switch
    {
        (byte)'\n' => new(@"\n", true),
        (byte)'\r' => new(@"\r", true),
        0 => new(@"\0", true),
        (byte)'\t' => new(@"\t", true),
        >= 0x20 and < 0x7F => new(((char)b).ToString(), false),
        _ => new("·", true),
    };

    private static string Hex(ReadOnlySpan<byte> row)
    {
        var hex = new StringBuilder(row.Length * 3);
        foreach (var b in row)
            hex.Append(CultureInfo.InvariantCulture, $"{b:x2} ");
        return hex.ToString().TrimEnd();
    }

    private static ByteGlyph[] Glyphs(ReadOnlySpan<byte> row)
    {
        var glyphs = new ByteGlyph[row.Length];
        for (var i = 0; i < row.Length; i++)
            glyphs[i] = Glyph(row[i]);
        return glyphs;
    }
}

/// <summary>One row of <see cref="ByteDump"/>: offset and hex as text, then one glyph per byte.</summary>
public sealed record ByteRow(string Offset, string Hex, IReadOnlyList<ByteGlyph> Text);

/// <summary>How one byte shows in the text column; <see cref="Marked"/> for the protocol's and the unprintable bytes.</summary>
public readonly record struct ByteGlyph(string Text, bool Marked);
