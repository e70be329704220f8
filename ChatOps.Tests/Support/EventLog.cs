using ChatOps.TcpEngine.Events;

namespace ChatOps.Tests.Support;

/// <summary>Follows the engine's event stream so a test can await "this happened" with a bounded wait.</summary>
internal sealed class EventLog(ChatEventFeed feed) : IDisposable
{
    private readonly EventSubscription _subscription = feed.Subscribe(capacity: 100_000);
    private readonly List<ChatEvent> _seen = [];

    /// <summary>Every event read so far (call <see cref="WaitForAsync"/> or <see cref="Drain"/> first).</summary>
    public IReadOnlyList<ChatEvent> Seen => _seen;

    public long Dropped => _subscription.Dropped;

    /// <summary>The first event of type <typeparamref name="T"/> matching <paramref name="match"/>, already seen or coming.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null)
        where T : ChatEvent
    {
        if (_seen.OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true) is { } seen)
            return seen;
        var limit = timeout ?? LineReader.DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
        while (true)
        {
            ChatEvent next;
            try
            {
                next = await _subscription.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"no matching {typeof(T).Name} within {limit.TotalSeconds} s; seen: {string.Join(", ", _seen.Select(e => e.GetType().Name))}");
            }
            _seen.Add(next);
            if (next is T t && (match?.Invoke(t) ?? true))
                return t;
        }
    }

    /// <summary>Waits until <paramref name="count"/> events of a kind match.</summary>
    public async Task<List<T>> WaitForCountAsync<T>(int count, Func<T, bool>? match = null, TimeSpan? timeout = null)
        where T : ChatEvent
    {
        var limit = timeout ?? LineReader.DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var found = _seen.OfType<T>().Where(e => match?.Invoke(e) ?? true).ToList();
            if (found.Count >= count)
                return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"{found.Count} of {count} {typeof(T).Name} within {limit.TotalSeconds} s");
            using var cts = new CancellationTokenSource(left);
            try
            {
                _seen.Add(await _subscription.Reader.ReadAsync(cts.Token));
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                // Loop once more to report how many were found.
            }
        }
    }

    /// <summary>Takes in whatever has been published so far, without waiting.</summary>
    public IReadOnlyList<ChatEvent> Drain()
    {
        while (_subscription.Reader.TryRead(out var next))
            _seen.Add(next);
        return _seen;
    }

    public void Dispose() => _subscription.Dispose();
}
