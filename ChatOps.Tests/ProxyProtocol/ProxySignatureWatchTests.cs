using System.Buffers;
using ChatOps.TcpEngine.ProxyProtocol;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>The watch on connections no balancer opened: it sees a v2 signature at the start, and nothing a student sends.</summary>
public sealed class ProxySignatureWatchTests
{
    [Fact]
    public void Sees_the_signature_in_one_read_with_the_header_after_it()
    {
        var watch = new ProxySignatureWatch();

        Assert.True(watch.Completes(new ReadOnlySequence<byte>(ProxyHeaders.Tcp4("203.0.113.7", 1, "10.0.0.1", 2))));
    }

    [Fact]
    public void Sees_the_signature_byte_by_byte_at_its_last_byte_only()
    {
        var watch = new ProxySignatureWatch();
        var signature = ProxyHeaders.Signature;

        for (var i = 0; i < signature.Length - 1; i++)
            Assert.False(watch.Completes(new ReadOnlySequence<byte>(signature, i, 1)));
        Assert.True(watch.Completes(new ReadOnlySequence<byte>(signature, signature.Length - 1, 1)));
    }

    [Theory]
    [InlineData("bonjour\n")]
    [InlineData("\r\n\r\nbonjour\n")]
    [InlineData("\0\0\0\0\0\0\0\0\0\0\0\0\0\0")]
    public void A_students_first_bytes_end_the_watch_for_good(string first)
    {
        var watch = new ProxySignatureWatch();

        Assert.False(watch.Completes(new ReadOnlySequence<byte>(System.Text.Encoding.ASCII.GetBytes(first))));
        Assert.False(watch.Completes(new ReadOnlySequence<byte>(ProxyHeaders.Signature)));
    }

    [Fact]
    public void Bytes_that_begin_the_signature_keep_the_watch_until_one_differs()
    {
        var watch = new ProxySignatureWatch();

        Assert.False(watch.Completes(new ReadOnlySequence<byte>("\r\n\r\n"u8.ToArray())));
        Assert.False(watch.Completes(new ReadOnlySequence<byte>("\0\r\nQUIT\r"u8.ToArray())));
        Assert.False(watch.Completes(new ReadOnlySequence<byte>("\n"u8.ToArray())));
    }
}
