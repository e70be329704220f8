using ChatOps.TcpEngine.Bus;

namespace ChatOps.Cluster.Bus;

/// <summary>One of this host's broadcasts, numbered in the order it was published on the room's bus (from 1 per bus instance).</summary>
internal sealed record SequencedBroadcast(long Sequence, ChatBroadcast Message);
