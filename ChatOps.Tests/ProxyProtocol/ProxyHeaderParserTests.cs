using System.Buffers;
using System.Net;
using System.Text;
using ChatOps.TcpEngine.ProxyProtocol;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>The v2 header parser against headers built from the spec: what it takes, and everything it refuses.</summary>
public sealed class ProxyHeaderParserTests
{
    [Fact]
    public void A_tcp4_header_gives_the_client_source_and_its_own_length()
    {
        var bytes = ProxyHeaders.Tcp4("203.0.113.7", 51234, "10.0.0.1", 7070);

        var header = Parsed(bytes);

        Assert.Equal(ProxyCommand.Proxy, header.Command);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.7"), 51234), header.Source);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 7070), header.Destination);
        Assert.Equal(16 + 12, header.Length);
    }

    [Fact]
    public void A_tcp6_header_gives_the_client_source()
    {
        var header = Parsed(ProxyHeaders.Tcp6("2001:db8::7", 65535, "2001:db8::1", 7070));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::7"), 65535), header.Source);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::1"), 7070), header.Destination);
        Assert.Equal(16 + 36, header.Length);
    }

    [Fact]
    public void What_the_client_sent_after_the_header_is_not_part_of_it()
    {
        var header = ProxyHeaders.Tcp4("203.0.113.7", 1, "10.0.0.1", 2);

        var parsed = Parsed([.. header, .. "hello\n"u8]);

        Assert.Equal(header.Length, parsed.Length);
    }

    [Fact]
    public void Tlvs_are_skipped_and_counted_in_the_length()
    {
        var bytes = ProxyHeaders.Tcp4("198.51.100.9", 40000, "10.0.0.1", 7070,
            ProxyHeaders.Tlv(0x04, new byte[5]),                       // NOOP
            ProxyHeaders.Tlv(0x02, "chat.example.org"),                // AUTHORITY
            ProxyHeaders.Tlv(0x05, Enumerable.Range(0, 128).Select(i => (byte)i).ToArray()), // UNIQUE_ID, 128 bytes at most
            ProxyHeaders.Tlv(0x04, []));                               // an empty value is a TLV of 3 bytes

        var header = Parsed([.. bytes, .. "bonjour\n"u8]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 40000), header.Source);
        Assert.Equal(bytes.Length, header.Length);
    }

    [Fact]
    public void A_local_health_check_carries_no_source_and_its_block_is_skipped()
    {
        var bare = Parsed(ProxyHeaders.Local());
        Assert.Equal((ProxyCommand.Local, (IPEndPoint?)null, 16), (bare.Command, bare.Source, bare.Length));

        // "Receivers MUST always consider this field to skip the appropriate number of bytes and must not assume zero is
        // presented for LOCAL connections": a LOCAL header with addresses is skipped whole, its addresses ignored.
        var withAddresses = Parsed(ProxyHeaders.V2(0x20, 0x11, new byte[12]));
        Assert.Equal((ProxyCommand.Local, (IPEndPoint?)null, 28), (withAddresses.Command, withAddresses.Source, withAddresses.Length));
    }

    [Theory]
    [InlineData(0x00, 0)]    // AF_UNSPEC, UNSPEC: "the receiver should ignore address information"
    [InlineData(0x00, 7)]
    [InlineData(0x10, 12)]   // AF_INET with an UNSPEC transport
    [InlineData(0x31, 216)]  // AF_UNIX stream: two 108-byte paths, no IP to show
    [InlineData(0x32, 216)]  // AF_UNIX datagram
    public void Families_without_an_ip_keep_the_balancers_address(byte familyTransport, int bodyBytes)
    {
        var header = Parsed(ProxyHeaders.V2(0x21, familyTransport, new byte[bodyBytes]));

        Assert.Equal(ProxyCommand.Proxy, header.Command);
        Assert.Null(header.Source);
        Assert.Equal(16 + bodyBytes, header.Length);
    }

    [Fact]
    public void Every_cut_of_a_header_needs_more_data_and_every_split_parses_the_same()
    {
        var bytes = ProxyHeaders.Tcp6("2001:db8::42", 12345, "2001:db8::1", 7070, ProxyHeaders.Tlv(0x05, "id-1"));
        var whole = Parsed(bytes);

        for (var cut = 0; cut < bytes.Length; cut++)
            Assert.Equal(OperationStatus.NeedMoreData, ProxyHeaderParser.Parse(new ReadOnlySequence<byte>(bytes, 0, cut), out _, out _));
        for (var split = 1; split < bytes.Length; split++)
        {
            var status = ProxyHeaderParser.Parse(Sequences.Of(bytes[..split], bytes[split..]), out var header, out _);
            Assert.Equal((OperationStatus.Done, whole), (status, header));
        }
        var byteByByte = Sequences.Of([.. bytes.Select(b => new[] { b })]);
        Assert.Equal(OperationStatus.Done, ProxyHeaderParser.Parse(byteByByte, out var pieced, out _));
        Assert.Equal(whole, pieced);
    }

    [Fact]
    public void A_length_field_past_the_cap_is_refused_before_the_bytes_arrive()
    {
        byte[] fixedPart = [.. ProxyHeaders.Signature, 0x21, 0x11, 0xFF, 0xFF];

        Assert.Equal(ProxyHeaderError.TooLong, Refused(fixedPart));
        var justOver = ProxyHeaders.Tcp4("203.0.113.7", 1, "10.0.0.1", 2, ProxyHeaders.Tlv(0x04, new byte[ProxyHeaderParser.MaxHeaderBytes - 16 - 12 - 3 + 1]));
        Assert.Equal(ProxyHeaderError.TooLong, Refused(justOver));
    }

    [Fact]
    public void A_header_of_exactly_the_cap_is_read()
    {
        var bytes = ProxyHeaders.Tcp4("203.0.113.7", 1, "10.0.0.1", 2, ProxyHeaders.Tlv(0x04, new byte[ProxyHeaderParser.MaxHeaderBytes - 16 - 12 - 3]));

        Assert.Equal(ProxyHeaderParser.MaxHeaderBytes, bytes.Length);
        Assert.Equal(ProxyHeaderParser.MaxHeaderBytes, Parsed(bytes).Length);
    }

    [Theory]
    [InlineData(0x11, nameof(ProxyHeaderError.UnsupportedVersion))]  // version 1 in the binary form
    [InlineData(0x31, nameof(ProxyHeaderError.UnsupportedVersion))]
    [InlineData(0x01, nameof(ProxyHeaderError.UnsupportedVersion))]
    [InlineData(0x22, nameof(ProxyHeaderError.UnknownCommand))]
    [InlineData(0x2F, nameof(ProxyHeaderError.UnknownCommand))]
    public void A_wrong_version_or_command_is_refused_at_its_byte(byte versionCommand, string error)
    {
        var expected = Enum.Parse<ProxyHeaderError>(error);
        Assert.Equal(expected, Refused([.. ProxyHeaders.Signature, versionCommand]));
        Assert.Equal(expected, Refused(ProxyHeaders.V2(versionCommand, 0x11, new byte[12])));
    }

    [Theory]
    [InlineData(0x41, nameof(ProxyHeaderError.UnknownFamily))]
    [InlineData(0xF1, nameof(ProxyHeaderError.UnknownFamily))]
    [InlineData(0x13, nameof(ProxyHeaderError.UnknownTransport))]
    [InlineData(0x2F, nameof(ProxyHeaderError.UnknownTransport))]
    public void A_wrong_family_or_transport_is_refused_at_its_byte(byte familyTransport, string error)
    {
        var expected = Enum.Parse<ProxyHeaderError>(error);
        Assert.Equal(expected, Refused([.. ProxyHeaders.Signature, 0x21, familyTransport]));
        Assert.Equal(expected, Refused(ProxyHeaders.V2(0x21, familyTransport, new byte[36])));
        // The family of a LOCAL header is ignored, but a value the spec does not define is still refused.
        Assert.Equal(expected, Refused(ProxyHeaders.V2(0x20, familyTransport, [])));
    }

    [Theory]
    [InlineData(0x11, 11)]
    [InlineData(0x11, 0)]
    [InlineData(0x21, 35)]
    [InlineData(0x21, 12)]
    [InlineData(0x31, 215)]
    public void A_length_shorter_than_the_familys_addresses_is_refused(byte familyTransport, int bodyBytes)
    {
        Assert.Equal(ProxyHeaderError.AddressesTruncated, Refused(ProxyHeaders.V2(0x21, familyTransport, new byte[bodyBytes])));
    }

    [Fact]
    public void A_tlv_that_runs_past_the_header_is_refused()
    {
        var declaresTen = ProxyHeaders.Tlv(0x02, "0123456789")[..8];
        Assert.Equal(ProxyHeaderError.BadTlv, Refused(ProxyHeaders.Tcp4("203.0.113.7", 1, "10.0.0.1", 2, declaresTen)));

        byte[] twoBytes = [0x04, 0x00];
        Assert.Equal(ProxyHeaderError.BadTlv, Refused(ProxyHeaders.Tcp4("203.0.113.7", 1, "10.0.0.1", 2, ProxyHeaders.Tlv(0x04, "ok"), twoBytes)));
    }

    [Theory]
    [InlineData("h")]
    [InlineData("hello\n")]
    [InlineData("\r\n\r\nhello\n")]           // starts like the signature, as blank lines would
    [InlineData("\r\n\r\n\0\r\nQUIT\r\n")]    // one byte off
    public void Text_is_not_a_header(string text)
    {
        Assert.Equal(ProxyHeaderError.NoHeader, Refused(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void A_version_1_text_header_is_named_as_such()
    {
        Assert.Equal(ProxyHeaderError.Version1, Refused("PROXY TCP4 203.0.113.7 10.0.0.1 51234 7070\r\nhello\n"u8.ToArray()));
    }

    private static ProxyHeader Parsed(byte[] bytes)
    {
        var status = ProxyHeaderParser.Parse(new ReadOnlySequence<byte>(bytes), out var header, out var error);
        Assert.Equal((OperationStatus.Done, ProxyHeaderError.None), (status, error));
        return header;
    }

    private static ProxyHeaderError Refused(byte[] bytes)
    {
        var status = ProxyHeaderParser.Parse(new ReadOnlySequence<byte>(bytes), out _, out var error);
        Assert.Equal(OperationStatus.InvalidData, status);
        return error;
    }
}
