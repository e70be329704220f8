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

    public bool HasSubscribers => !_subscribers.IsEmpty;

    public EventSubscription Subscribe(int capacity = DefaultCapacity)
    {
        var subscription = new EventSubscription(capacity, Remove);
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Add(s), subscription);
        return subscription;
    }

    public void Publish(ChatEvent chatEvent)
    {
        foreach (var subscriber in _subscribers)
            subscriber.Offer(chatEvent);
    }

    private void Remove(EventSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Remove(s), subscription);
}
