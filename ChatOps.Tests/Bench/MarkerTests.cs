using System.Text;
using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class MarkerTests
{
    [Theory]
    [InlineData("[127.0.0.1] ")]
    [InlineData("<user12> ")]
    [InlineData("")]
    public void A_token_is_found_whatever_the_relay_put_before_it(string prefix)
    {
        var line = new byte[64];
        var length = Marker.WriteLine(line, Marker.Measured, 17, 4242, 123456789, 64);
        var received = Encoding.ASCII.GetBytes(prefix).Concat(line.Take(length)).ToArray();

        Assert.True(Marker.TryFind(received, out var token, out _));
        Assert.Equal(new MarkerToken(Marker.Measured, 17, 4242, 123456789), token);
    }

    [Fact]
    public void A_line_is_padded_to_the_requested_size_and_ends_with_a_newline()
    {
        var line = new byte[128];
        var length = Marker.WriteLine(line, Marker.Warmup, 1, 2, 3, 100);

        Assert.Equal(100, length);
        Assert.Equal((byte)'\n', line[99]);
    }

    [Fact]
    public void Several_tokens_in_one_read_are_found_in_order()
    {
        var buffer = new byte[256];
        var at = Marker.WriteLine(buffer, Marker.Measured, 1, 10, 5, 64);
        at += Marker.WriteLine(buffer.AsSpan(at), Marker.Measured, 2, 20, 6, 64);
        ReadOnlySpan<byte> data = buffer.AsSpan(0, at);

        Assert.True(Marker.TryFind(data, out var first, out var next));
        Assert.True(Marker.TryFind(data[next..], out var second, out _));
        Assert.Equal((1, 10L), (first.Sender, first.Sequence));
        Assert.Equal((2, 20L), (second.Sender, second.Sequence));
    }

    [Theory]
    [InlineData("#bM1f.2a")]
    [InlineData("#bX1.2.3#")]
    [InlineData("no token here")]
    public void A_truncated_or_foreign_token_is_not_counted(string text) =>
        Assert.False(Marker.TryFind(Encoding.ASCII.GetBytes(text), out _, out _));
}
