using System.Diagnostics;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// Everything a check's connections sent and received, timestamped: the evidence behind a verdict. Bounded: past
/// <see cref="MaxBytes"/> of data, entries are counted but their bytes are not kept (the slow_reader check alone sends megabytes).
/// </summary>
internal sealed class Transcript
{
    public const int MaxBytes = 256 * 1024;

    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly List<TranscriptEntry> _entries = [];
    private readonly Lock _gate = new();
    private long _keptBytes;
    private long _droppedBytes;

    public TimeSpan Now => Stopwatch.GetElapsedTime(_start);

    public long DroppedBytes
    {
        get
        {
            lock (_gate)
                return _droppedBytes;
        }
    }

    public IReadOnlyList<TranscriptEntry> Entries
    {
        get
        {
            lock (_gate)
                return [.. _entries];
        }
    }

    public void Sent(string who, ReadOnlySpan<byte> bytes) => Data(who, TranscriptDirection.Sent, bytes);

    public void Received(string who, ReadOnlySpan<byte> bytes) => Data(who, TranscriptDirection.Received, bytes);

    public void Note(string who, string text)
    {
        lock (_gate)
            _entries.Add(new TranscriptEntry(Now, who, TranscriptDirection.Note, null, text));
    }

    private void Data(string who, TranscriptDirection direction, ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_keptBytes + bytes.Length > MaxBytes)
            {
                _droppedBytes += bytes.Length;
                return;
            }
            _keptBytes += bytes.Length;
            _entries.Add(new TranscriptEntry(Now, who, direction, bytes.ToArray(), null));
        }
    }
}
