using System.Net.Sockets;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

public sealed class ArretOverTcpTests
{
    [Fact]
    public async Task Arret_closes_every_client_with_the_notice_and_new_connections_are_refused()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var clients = new List<TcpTestClient>();
        for (var i = 0; i < 3; i++)
            clients.Add(await chat.ConnectJoinedAsync());
        var endpoint = chat.EndPoint;

        await clients[1].SendLineAsync("arret");
        foreach (var client in clients)
            Assert.Equal("* arret: the server stops (asked by 127.0.0.1)", (await client.ReadToEndAsync())[^1]);
        // The stop runs apart from the session that asked for it; its end is the EngineStopped event.
        var stopped = await chat.Events.WaitForAsync<EngineStopped>();

        Assert.False(chat.Engine.IsRunning);
        Assert.Equal(StopReason.Arret, stopped.Reason);
        var refused = await Assert.ThrowsAsync<SocketException>(() => TcpTestClient.ConnectAsync(endpoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Bye_closes_only_that_client_and_the_server_keeps_accepting()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var leaving = await chat.ConnectJoinedAsync();
        await leaving.SendLineAsync("bye");
        Assert.Equal(["* goodbye 127.0.0.1"], await leaving.ReadToEndAsync());
        var next = await chat.ConnectJoinedAsync();
        await next.SendLineAsync("encore");
        Assert.Equal("encore", await next.ReadLineAsync());
    }
}
