using System.Collections.Immutable;

namespace ChatOps.TcpEngine.Bus;

/// <summary>Delivers on the publishing thread: the subscriber only queues bytes to each session, which never blocks.</summary>
public sealed class InProcessChatBus : IChatBus
{
    private ImmutableArray<Action<ChatBroadcast>> _subscribers = [];

    public void Publish(ChatBroadcast message)
    {
        foreach (var deliver in _subscribers)
            deliver(message);
    }

    public IDisposable Subscribe(Action<ChatBroadcast> deliver)
    {
        ImmutableInterlocked.Update(ref _subscribers, static (list, d) => list.Add(d), deliver);
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _subscribers, static (list, d) => list.Remove(d), deliver));
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
