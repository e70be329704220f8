using System.Text;
using System.Threading.Channels;

namespace ChatOps.Cli.Client;

/// <summary>Hands each written line to a channel, so the sync client can print the server's lines on its own schedule.</summary>
internal sealed class ChannelTextWriter(ChannelWriter<string> lines) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override Task WriteLineAsync(string? value) => lines.WriteAsync(value ?? string.Empty).AsTask();

    public override void WriteLine(string? value) => lines.TryWrite(value ?? string.Empty);
}
