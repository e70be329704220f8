using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>What modes may use of the room: its clients, the fan-out bus, the event stream and the clock.</summary>
internal interface IRoom
{
    IReadOnlyList<ClientSession> Sessions { get; }

    ChatOptions Options { get; }

    IChatBus Bus { get; }

    void Publish(ChatEvent chatEvent);

    DateTimeOffset Now { get; }
}
