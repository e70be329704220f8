using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

public sealed class SyncOverTcpTests
{
    [Fact]
    public async Task After_bye_the_waiting_client_is_served_and_the_first_can_reconnect_and_wait()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Sync);
        var a = await chat.ConnectJoinedAsync();
        // The waiting client hears nothing until its turn (Chat:SyncQueueNotices is off): its first line is its answer.
        var b = await chat.ConnectJoinedAsync();

        await a.SendLineAsync("question de a");
        await chat.Events.WaitForAsync<ReplyAwaited>(e => e.Text == "question de a");
        Assert.True(chat.Engine.Reply("réponse à a"));
        Assert.Equal("réponse à a", await a.ReadLineAsync());
        await a.SendLineAsync("bye");
        Assert.Equal(["* goodbye 127.0.0.1"], await a.ReadToEndAsync());

        await b.SendLineAsync("question de b");
        var awaited = await chat.Events.WaitForAsync<ReplyAwaited>(e => e.Text == "question de b");
        Assert.Equal(b.LocalEndPoint.Port, chat.Engine.GetSessions().Single(s => s.Id == awaited.SessionId).Port);
        Assert.True(chat.Engine.Reply("réponse à b"));
        Assert.Equal("réponse à b", await b.ReadLineAsync());

        var again = await chat.ConnectJoinedAsync();
        await b.SendLineAsync("bye");
        await b.ReadToEndAsync();
        await again.SendLineAsync("me again");
        await chat.Events.WaitForAsync<ReplyAwaited>(e => e.Text == "me again");
        Assert.True(chat.Engine.Reply("welcome back"));
        Assert.Equal("welcome back", await again.ReadLineAsync());
    }
}
