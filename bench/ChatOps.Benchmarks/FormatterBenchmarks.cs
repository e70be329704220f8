using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ChatOps.TcpEngine.Framing;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Benchmarks;

/// <summary>
/// What the relay does to one framed line before fan-out: strip telnet bytes, decode and sanitize, recognise protocol
/// words, then gather <c>[ip] text\n</c> with the other lines of the same network read. The steps of
/// ClientSession.OnFramedLine and RelayMode.OnChatLine; one operation is one line of a 64-line read.
/// </summary>
[MemoryDiagnoser]
public class FormatterBenchmarks
{
    private const string Ip = "192.168.1.23";
    private const int LinesPerRead = 64;
    private static readonly byte[] Prefix = WireFormat.RelayedPrefix(Ip);
    private readonly LineGatherer _gatherer = new();
    private byte[] _line = [];

    [Params("ascii", "accents", "ansi")]
    public string Text { get; set; } = "ascii";

    [GlobalSetup]
    public void Setup() => _line = Encoding.UTF8.GetBytes(Text switch
    {
        "accents" => "bonjour à tous, ça marche très bien côté serveur : élève n°12",
        "ansi" => "\u001b[31mrouge\u001b[0m et \u0007 une cloche, puis du texte normal jusqu'au bout",
        _ => "#bM1f.3a2.1c2b3d4e5f6a7b8#xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    });

    [Benchmark(Baseline = true, OperationsPerInvoke = LinesPerRead)]
    public byte[] SanitizeAndGather()
    {
        var rented = ArrayPool<byte>.Shared.Rent(_line.Length);
        try
        {
            for (var i = 0; i < LinesPerRead; i++)
            {
                var length = TelnetFilter.Strip(_line, rented, out _);
                var text = TextSanitizer.Decode(rented.AsSpan(0, length), out _);
                text = TextSanitizer.RemoveControls(text, out _);
                _ = ProtocolWords.Parse(text);
                _gatherer.Append(Prefix, text);
            }
            return _gatherer.Take().Bytes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Formatting then encoding each line into its own array (how the relay encoded lines before gathering).</summary>
    [Benchmark]
    public byte[] FormatThenEncode() => WireFormat.Encode(WireFormat.Relayed(Ip, "bonjour à tous"));
}
