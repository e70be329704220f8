namespace ChatOps.HubListener;

/// <summary>What the listener reads of each hub event: its type; the other fields are skipped. Public: MessagePack builds its reader at run time.</summary>
public sealed record ListenedEvent(string Type);
