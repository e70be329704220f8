using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ChatOps.TcpEngine.Framing;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Benchmarks;

/// <summary>
/// What the relay does to one framed line before fan-out: strip telnet bytes, decode and sanitize, recognise protocol
/// words, format <c>[ip] text</c> and encode it once. The steps of ClientSession.OnFramedLine and RelayMode.OnChatLine.
/// </summary>
[MemoryDiagnoser]
public class FormatterBenchmarks
{
    private const string Ip = "192.168.1.23";
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

    [Benchmark(Baseline = true)]
    public byte[] SanitizeFormatEncode()
    {
        var rented = ArrayPool<byte>.Shared.Rent(_line.Length);
        try
        {
            var length = TelnetFilter.Strip(_line, rented, out _);
            var text = TextSanitizer.Decode(rented.AsSpan(0, length), out _);
            text = TextSanitizer.RemoveControls(text, out _);
            _ = ProtocolWords.Parse(text);
            return WireFormat.EncodeRelayed(Ip, text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Formatting then encoding: two allocations (how the relay encoded lines before EncodeRelayed).</summary>
    [Benchmark]
    public byte[] FormatThenEncode() => WireFormat.Encode(WireFormat.Relayed(Ip, "bonjour à tous"));

    [Benchmark]
    public byte[] EncodeRelayed() => WireFormat.EncodeRelayed(Ip, "bonjour à tous");
}
