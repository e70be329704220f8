using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

/// <summary>
/// The French notices (the default language) reach students over real sockets with their accents intact, in the
/// encoding each client writes: UTF-8, UTF-16, Java's writeUTF and Windows-1252.
/// </summary>
public sealed class FrenchNoticesOverTcpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TcpChat> StartFrenchAsync(ChatMode mode) => TcpChat.StartAsync(mode, o => o.Language = ChatLanguage.Fr);

    [Fact]
    public async Task A_UTF8_client_is_welcomed_and_said_goodbye_in_French_and_bye_stays_bye()
    {
        await using var chat = await StartFrenchAsync(ChatMode.Relay);
        await using var client = await chat.ConnectAsync();

        Assert.Equal("* connecté à ChatOps (mode relay), 0 autre(s) client(s) ici ; tapez bye pour partir", await client.ReadLineAsync());
        await client.SendLineAsync("bye");
        Assert.Equal(["* au revoir 127.0.0.1"], await client.ReadToEndAsync());
    }

    [Fact]
    public async Task Arret_from_a_client_stops_the_server_with_the_French_notice()
    {
        await using var chat = await StartFrenchAsync(ChatMode.Echo);
        await using var client = await chat.ConnectJoinedAsync();

        await client.SendLineAsync("arret");
        Assert.Equal(["* arret : le serveur s'arrête (demandé par 127.0.0.1)"], await client.ReadToEndAsync());
    }

    public static TheoryData<string> Dialects => ["utf-8", "utf-16", "writeUTF", "windows-1252"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_kicked_client_reads_the_French_notice_in_its_own_encoding(string dialect)
    {
        await using var chat = await StartFrenchAsync(ChatMode.Echo);
        using var client = new TcpClient();
        await client.ConnectAsync(chat.EndPoint, Ct);
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        var connected = await chat.Events.WaitForAsync<ClientConnected>(e => e.Port == port);
        var stream = client.GetStream();

        // The client speaks first, so the server knows its encoding, and reads its echo back.
        var (hello, echo) = Encode(dialect, "élève", first: true);
        await stream.WriteAsync(hello, Ct);
        Assert.Equal(echo, await ReadExactlyAsync(stream, echo.Length));

        Assert.True(chat.Engine.Kick(connected.SessionId));
        var (_, notice) = Encode(dialect, Notices.French.Kicked(null), first: false);
        Assert.Equal("* déconnecté par l'enseignant", Notices.French.Kicked(null));
        Assert.Equal(notice, await ReadToEndAsync(stream));
    }

    /// <summary>What the client writes for <paramref name="text"/>, and what it expects to read for the same text.</summary>
    private static (byte[] Sent, byte[] Received) Encode(string dialect, string text, bool first)
    {
        switch (dialect)
        {
            case "utf-16":
                var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
                byte[] mark = first ? [0xFF, 0xFE] : [];
                return ([.. mark, .. utf16.GetBytes(text + "\n")], utf16.GetBytes(text + "\n"));
            case "writeUTF":
                // readUTF: a 2-byte big-endian length, then (modified) UTF-8, the same bytes as UTF-8 for these characters.
                var body = Encoding.UTF8.GetBytes(text);
                byte[] record = [(byte)(body.Length >> 8), (byte)body.Length, .. body];
                return (record, record);
            case "windows-1252":
                var ansi = Windows1252.GetBytes(text + "\n");
                return (ansi, ansi);
            default:
                var utf8 = Encoding.UTF8.GetBytes(text + "\n");
                return (utf8, utf8);
        }
    }

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, Ct).AsTask().WaitAsync(Wait, Ct);
        return buffer;
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream)
    {
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, Ct).WaitAsync(Wait, Ct);
        return all.ToArray();
    }
}
