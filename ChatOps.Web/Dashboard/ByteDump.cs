using System.Globalization;
using System.Text;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// The byte view of a connection, as <c>ncat --hex-dump</c> shows it: rows of 16 bytes with their offset, hex and text.
/// In the text, printable ASCII shows as itself and every other byte as a marked symbol (␊ for \n, ␍ for \r, ␀ for NUL,
/// ÿ-like bytes as ·), so the teacher can show a student exactly what the program wrote. Plain strings only: the
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
        (byte)'\n' => new("␊", true),
        (byte)'\r' => new("␍", true),
        0 => new("␀", true),
        (byte)'\t' => new("␉", true),
        0xFF => new("ÿ", true),
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
