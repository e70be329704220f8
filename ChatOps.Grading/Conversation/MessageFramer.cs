using System.Runtime.InteropServices;
using System.Text;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// Cuts what a server writes into messages the way students' clients read them: at each <c>\n</c> (a <c>\r</c> before
/// it and NUL padding are dropped), and, for bytes without a newline, when the connection falls silent (the caller
/// calls <see cref="Flush"/>). No I/O here, so it is tested byte by byte.
/// </summary>
internal sealed class MessageFramer(int maxMessageBytes)
{
    private readonly List<byte> _pending = [];

    public bool HasPartial => _pending.Count > 0;

    /// <summary>Adds received bytes; returns the lines they complete (a message longer than the maximum is cut there).</summary>
    public IReadOnlyList<string> Feed(ReadOnlySpan<byte> bytes)
    {
        List<string>? lines = null;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                (lines ??= []).Add(Take());
                continue;
            }
            _pending.Add(b);
            if (_pending.Count >= maxMessageBytes)
                (lines ??= []).Add(Take());
        }
        return lines ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The bytes waiting without a newline, as one message (null when none wait).</summary>
    public string? Flush() => HasPartial ? Take() : null;

    private string Take()
    {
        var end = _pending.Count;
        while (end > 0 && _pending[end - 1] is (byte)'\r' or 0)
            end--;
        var text = Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(_pending)[..end]);
        _pending.Clear();
        return text;
    }
}
