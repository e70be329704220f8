using System.IO.Pipelines;
using System.Net;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Transport;
using ChatOps.Tests.Support;
using ChatOps.Web.Hubs;

namespace ChatOps.Tests.Sessions;

/// <summary>A session owns its life: it leaves its room once, on its own task, whatever ended it (issue 10).</summary>
public sealed class SessionLifecycleTests
{
    [Fact]
    public async Task A_fault_on_the_read_path_leaves_no_ghost_the_session_leaves_with_Error()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var witness = chat.Connect();
        var faulty = new FaultyConnection(new IPEndPoint(IPAddress.Parse("10.9.9.9"), 4242));
        var session = chat.Engine.Serve(faulty);

        faulty.Fail(new FormatException("a bug on the read path"));

        var gone = await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == session.Id);
        Assert.Equal(DisconnectReason.Error, gone.Reason);
        Assert.Equal([witness.Id], chat.Engine.GetSessions().Select(s => s.Id));
        Assert.Equal(1, chat.Engine.ClientCount);
        Assert.Equal("* 10.9.9.9 left", await witness.ReadUntilAsync(l => l.EndsWith("left", StringComparison.Ordinal)));
        // The bug is logged as an error with its session and exception, once the session has left: what CloseRaceTests
        // rely on seeing.
        await Eventually.HoldsAsync(() => chat.Problems.Any(), "the session's fault is logged");
        var logged = Assert.Single(chat.Problems);
        Assert.StartsWith($"Error: Session {session.Id} failed unexpectedly System.FormatException: a bug on the read path", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_arret_every_client_gets_the_notice_and_no_one_hears_the_others_leave()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var clients = Enumerable.Range(0, 5).Select(_ => chat.Connect()).ToList();
        foreach (var client in clients)
            await client.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        // Every join has reached everyone before the stop.
        await clients[0].ReadUntilAsync(l => l == "* 10.0.0.5 joined");

        await chat.Engine.ArretAsync("teacher");

        foreach (var client in clients)
        {
            var lines = await client.ReadToEndAsync();
            Assert.Equal("* arret: the server stops (asked by teacher)", lines[^1]);
            Assert.DoesNotContain(lines, l => l.EndsWith(" left", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task In_async_mode_a_waiting_client_is_not_promoted_during_a_stop()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Async);
        var served = chat.Connect();
        var waiting = chat.Connect();
        Assert.StartsWith("* the server is serving another client", await waiting.ReadLineAsync(), StringComparison.Ordinal);

        await chat.Engine.StopAsync(StopReason.Shutdown, "host", TestContext.Current.CancellationToken);

        Assert.Equal(["* the server is shutting down"], await waiting.ReadToEndAsync());
        Assert.Equal("* the server is shutting down", (await served.ReadToEndAsync())[^1]);
    }

    [Fact]
    public async Task While_a_client_drains_its_last_lines_the_engine_says_it_is_stopping_then_stopped()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay, o => o.CloseTimeout = TimeSpan.FromSeconds(30));
        var slow = chat.Connect(clientBufferBytes: 512);
        await slow.ReadLineAsync();
        for (var i = 0; i < 20; i++)
            chat.Engine.Broadcast($"line {i} " + new string('s', 100));
        chat.Events.Drain();

        var stopping = chat.Engine.StopAsync(StopReason.Arret, "teacher", TestContext.Current.CancellationToken);
        var began = await chat.Events.WaitForAsync<EngineStopping>(_ => true);

        // The client has not read its lines: the stop waits for it (up to the 30 s close timeout), and says so.
        Assert.Equal((StopReason.Arret, "teacher"), (began.Reason, began.By));
        Assert.True(chat.Engine.IsStopping);
        Assert.True(chat.Engine.IsRunning);
        Assert.False(stopping.IsCompleted);

        var lines = await slow.ReadToEndAsync();
        await stopping;
        Assert.Equal("* arret: the server stops (asked by teacher)", lines[^1]);
        Assert.False(chat.Engine.IsStopping);
        Assert.False(chat.Engine.IsRunning);
        var order = chat.Events.Drain().Select(e => e.GetType().Name).ToList();
        Assert.Equal(["ClientDisconnected", "EngineStopped"], order.Where(n => n is "ClientDisconnected" or "EngineStopped"));
        // The hub streams the same state: its subscribers see the stop begin.
        Assert.Equal(new HubEvent("EngineStopping", began.At, Detail: "Arret by teacher"), HubEvent.From(began));
    }

    [Fact]
    public async Task A_stop_with_no_client_and_one_with_clients_that_hang_up_take_far_less_than_the_close_timeout()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay, o => o.CloseTimeout = TimeSpan.FromSeconds(20));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await chat.Engine.StopAsync(StopReason.Stopped, "operator", TestContext.Current.CancellationToken);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"empty stop took {started.Elapsed}");

        await chat.Engine.StartAsync(TestContext.Current.CancellationToken);
        var clients = Enumerable.Range(0, 3).Select(_ => chat.Connect()).ToList();
        started.Restart();
        // The clients read their notice, but never close: the stop does not wait for them to, only for their last lines.
        await chat.Engine.StopAsync(StopReason.Stopped, "operator", TestContext.Current.CancellationToken);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"stop took {started.Elapsed} with a 20 s close timeout");
        Assert.False(chat.Engine.IsRunning);
    }

    /// <summary>An in-memory connection whose next read fails with any exception: a bug's, not a client's.</summary>
    private sealed class FaultyConnection(IPEndPoint remote) : ChatConnection
    {
        private readonly InMemoryConnection _inner = new(remote);
        private readonly FailingReader _reader = new();

        public override PipeReader Input => _reader;

        public override PipeWriter Output => _inner.Output;

        public override IPEndPoint RemoteEndPoint => remote;

        public void Fail(Exception fault) => _reader.Fail(fault);

        public override void ShutdownOutput() => _inner.ShutdownOutput();

        public override void Abort()
        {
            _reader.CancelPendingRead();
            _inner.Abort();
        }

        public override ValueTask DisposeAsync() => _inner.DisposeAsync();
    }

    private sealed class FailingReader : PipeReader
    {
        private readonly TaskCompletionSource<ReadResult> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception fault) => _next.TrySetException(fault);

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) => new(_next.Task);

        public override bool TryRead(out ReadResult result)
        {
            result = default;
            return false;
        }

        public override void AdvanceTo(SequencePosition consumed)
        {
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
        }

        public override void CancelPendingRead() => _next.TrySetResult(new ReadResult(default, isCanceled: true, isCompleted: false));

        public override void Complete(Exception? exception = null)
        {
        }
    }
}
