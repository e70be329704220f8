using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ChatOps.TcpEngine.Framing;

namespace ChatOps.Benchmarks;

/// <summary>Cutting one 4 KiB read (64 lines of 64 bytes) into lines, in one segment and split across 1 KiB segments.</summary>
[MemoryDiagnoser]
public class FramerBenchmarks
{
    private ReadOnlySequence<byte> _single;
    private ReadOnlySequence<byte> _segmented;

    [Params("\n", "\r\n")]
    public string Ending { get; set; } = "\n";

    [GlobalSetup]
    public void Setup()
    {
        var line = new string('x', 64 - Ending.Length) + Ending;
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line, 64)));
        _single = new ReadOnlySequence<byte>(bytes);
        _segmented = Segments.Split(bytes, 1024);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public int SingleSegment() => Drain(_single);

    [Benchmark(OperationsPerInvoke = 64)]
    public int FourSegments() => Drain(_segmented);

    private static int Drain(ReadOnlySequence<byte> buffer)
    {
        var framer = new LineFramer(4096);
        var total = 0;
        while (framer.TryRead(ref buffer, out var line) == FrameResult.Line)
            total += (int)line.Length;
        return total;
    }
}
