using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>What modes may use of the room: its clients, the fan-out bus, the event stream and the clock.</summary>
internal interface IRoom
{
    IReadOnlyList<ClientSession> Sessions { get; }

    /// <summary>Sessions.Count; the room overrides it so a relayed line does not box its immutable array to count.</summary>
    int SessionCount => Sessions.Count;

    ChatOptions Options { get; }

    IChatBus Bus { get; }

    /// <summary>Who answers a served client when the teacher does not (sync and async); read at each line, switched live.</summary>
    AutoReply AutoReply { get; }

    /// <summary>How relayed lines name their sender (<c>Chat:RelayPrefix</c> and the roster's names).</summary>
    Naming.SenderLabel SenderLabel { get; }

    void Publish(ChatEvent chatEvent);

    DateTimeOffset Now { get; }
}
