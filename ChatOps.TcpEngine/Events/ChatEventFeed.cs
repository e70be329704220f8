using System.Collections.Immutable;

namespace ChatOps.TcpEngine.Events;

/// <summary>
/// Fans engine events out to any number of subscribers. Each has its own bounded queue: publishing never waits, and a
/// subscriber that falls behind loses events (counted in <see cref="EventSubscription.Dropped"/>) instead of slowing the engine.
/// </summary>
public sealed class ChatEventFeed
{
    public const int DefaultCapacity = 4096;

    private ImmutableArray<EventSubscription> _subscribers = [];
    private long _droppedByGone;

    public bool HasSubscribers => !_subscribers.IsEmpty;

    public int SubscriberCount => _subscribers.Length;

    /// <summary>Events lost by every subscriber since start, those gone included (for metrics: it never goes down).</summary>
    public long Dropped
    {
        get
        {
            var dropped = Interlocked.Read(ref _droppedByGone);
            foreach (var subscriber in _subscribers)
                dropped += subscriber.Dropped;
            return dropped;
        }
    }

    /// <param name="capacity">Events the subscriber may fall behind by before it loses new ones.</param>
    /// <param name="wants">
    /// Which events to queue (all when null). A subscriber that ignores the busiest events (a relay publishes a
    /// <see cref="LineDelivered"/> for every line) says so here, so they never cost it a queue write.
    /// </param>
    public EventSubscription Subscribe(int capacity = DefaultCapacity, Func<ChatEvent, bool>? wants = null)
    {
        var subscription = new EventSubscription(capacity, wants, Remove);
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Add(s), subscription);
        return subscription;
    }

    /// <summary>
    /// For <see cref="Subscribe"/>'s <c>wants</c>: every event but the per-line <see cref="LineDelivered"/>, which repeats
    /// a received line; for subscribers that show what clients sent (a console, the dashboard).
    /// </summary>
    public static bool AllButDeliveries(ChatEvent chatEvent) => chatEvent is not LineDelivered;

    public void Publish(ChatEvent chatEvent)
    {
        foreach (var subscriber in _subscribers)
            subscriber.Offer(chatEvent);
    }

    private void Remove(EventSubscription subscription)
    {
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Remove(s), subscription);
        // A gone subscriber loses nothing more: what it lost stays in the total.
        Interlocked.Add(ref _droppedByGone, subscription.Dropped);
    }
}
