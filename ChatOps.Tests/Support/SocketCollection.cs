namespace ChatOps.Tests.Support;

/// <summary>
/// Tests that open a hundred sockets, push megabytes or measure the process's memory run alone: in parallel with the
/// rest they would measure each other.
/// </summary>
[CollectionDefinition(nameof(HeavySockets), DisableParallelization = true)]
public sealed class HeavySockets;
