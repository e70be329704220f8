namespace ChatOps.Web.Dashboard;

/// <summary>The last N mirror lines, oldest first. Only the dashboard's reader loop writes; readers get copies.</summary>
internal sealed class MirrorBuffer(int capacity)
{
    private readonly Queue<MirrorLine> _lines = new(capacity);
    private long _sequence;

    public int Capacity => capacity;

    public void Add(DateTimeOffset at, long? sessionId, string who, string text, MirrorKind kind, string room, string? clientIp = null, int? clientPort = null,
        MirrorPhrase? whoPhrase = null, MirrorPhrase? phrase = null)
    {
        if (_lines.Count == capacity)
            _lines.Dequeue();
        _lines.Enqueue(new MirrorLine(++_sequence, at, sessionId, who, text, kind, room, clientIp, clientPort, whoPhrase, phrase));
    }

    public IReadOnlyList<MirrorLine> ToList() => [.. _lines];
}
