namespace ChatOps.TcpEngine;

/// <summary>The four exercises of the sockets lab, one engine behaviour each.</summary>
public enum ChatMode
{
    /// <summary>Exercise 1: every line goes back to its sender.</summary>
    Echo,

    /// <summary>Exercise 2, synchronous: one client at a time, one operator reply per line.</summary>
    Sync,

    /// <summary>Exercise 2, asynchronous: one client at a time, both sides send whenever they like.</summary>
    Async,

    /// <summary>Exercise 3: every line goes to every other client, prefixed with the sender's IP.</summary>
    Relay,
}
