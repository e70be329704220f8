namespace ChatOps.Tests.Support;

/// <summary>The managed heap before and after an attack: what the engine kept of it. Bounds are generous on purpose.</summary>
internal sealed class MemoryProbe
{
    private const long MiB = 1024 * 1024;
    private readonly long _before = GC.GetTotalMemory(forceFullCollection: true);

    public void AssertGrewLessThan(int mebibytes, string attack)
    {
        var grown = GC.GetTotalMemory(forceFullCollection: true) - _before;
        Assert.True(grown < mebibytes * MiB, $"{attack}: the managed heap grew by {grown / MiB} MiB (bound {mebibytes} MiB)");
    }
}
