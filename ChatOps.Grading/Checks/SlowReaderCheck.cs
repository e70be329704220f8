using System.Globalization;
using System.Text;
using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary>
/// <c>slow_reader</c>: a client that never reads doesn't stop the others from getting messages. Helpers send
/// <see cref="CheckOptions.SlowReaderBytes"/> in all, far more than the silent client's buffers hold; B must get all
/// of it, then A's message. A server that writes to each client in turn with a blocking send stops at the silent
/// client once its buffers are full, and B stops getting anything.
/// </summary>
internal sealed class SlowReaderCheck : ICheck
{
    // Each helper sends 32 lines of 4000 bytes: under ChatOps's own line size limit (4096) and burst (40 lines).
    private const int LinesPerHelper = 32;
    private const int LineBytes = 4000;

    public IReadOnlyList<string> Names { get; } = ["slow_reader"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        // The silent client connects first: a server that writes to its clients in order meets it before B.
        var silent = await session.ConnectAsync("S", 3, Reading.Never);
        var b = await session.ConnectAsync("B", 1);
        var a = await session.ConnectAsync("A", 0);
        await session.SettleAsync();

        var flood = Flood();
        var helpers = (session.Options.SlowReaderBytes + flood.Length - 1) / flood.Length;
        var total = (long)helpers * flood.Length;
        var megabytes = total / 1048576.0;
        session.Note($"{helpers} helpers send {flood.Length} bytes each, one after the other; S never reads");
        var sent = await FloodAsync(session, helpers, flood);
        var atB = await WhileProgressingAsync(session, b, sent);
        session.Note($"B received {b.ReceivedBytes} bytes of the {sent} the helpers sent");

        var text = session.Unique("slow", 0) + " toujours servi ?";
        var from = b.MessageCount;
        await session.SendAsync(a, text);
        var got = atB ? await b.WaitForAsync(m => m.Contains(text), from, session.Options.Timeout, session.Token) : null;
        silent.Reset(); // A blocked server gets an error on that client and may go on.
        if (sent < total)
            return [Fail(new("Slow.StoppedReading", sent / 1024, megabytes))];
        return got is not null
            ? [CheckOutcome.Pass("slow_reader", new("Slow.Pass", megabytes))]
            : [Fail(atB
                ? new("Slow.NoMessage", megabytes, Words.Ms(session.Options.Timeout))
                : new("Slow.Partial", megabytes, b.ReceivedBytes / 1024))];
    }

    private static CheckOutcome Fail(CheckReason what) => CheckOutcome.Fail("slow_reader", new("Slow.Advice", what));

    /// <summary>
    /// One helper at a time connects, writes its share, and shuts down its sending side, so that a relay sends the
    /// flood to a few clients rather than to every helper. Returns the bytes written.
    /// </summary>
    private static async Task<long> FloodAsync(CheckSession session, int helpers, byte[] flood)
    {
        long sent = 0;
        for (var i = 1; i <= helpers; i++)
        {
            // Each write is bounded by one timeout: a slow server still gets through, a blocked one stops reading.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(session.Token);
            deadline.CancelAfter(session.Options.Timeout);
            try
            {
                var helper = await session.ConnectAsync("F" + i.ToString(CultureInfo.InvariantCulture), 2, Reading.Discard, deadline.Token);
                await helper.SendRawAsync(flood, deadline.Token);
                helper.ShutdownSend();
            }
            catch (OperationCanceledException) when (!session.Token.IsCancellationRequested)
            {
                session.Note($"helper F{i} could not write its share within {Words.Duration(session.Options.Timeout)}: the server no longer reads");
                break;
            }
            sent += flood.Length;
        }
        return sent;
    }

    /// <summary>
    /// Waits until B has received <paramref name="bytes"/>, for as long as bytes keep coming: a slow server (a loaded
    /// machine, a slow LAN) passes, a server that stopped for one timeout does not.
    /// </summary>
    private static async Task<bool> WhileProgressingAsync(CheckSession session, CheckConnection b, long bytes)
    {
        while (true)
        {
            var before = b.ReceivedBytes;
            if (await b.WaitUntilAsync(_ => b.ReceivedBytes >= bytes, session.Options.Timeout, session.Token))
                return true;
            if (b.ReceivedBytes == before)
                return false;
        }
    }

    // Lines ending with \n whatever the dialect: only bytes are counted at B, a server that reads messages relays what
    // each recv() returns anyway, and a server that also frames messages on pauses (ChatOps) needs the line ends to
    // split a flood sent without pauses.
    private static byte[] Flood()
    {
        var line = new string('.', LineBytes - 1) + "\n";
        return Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line, LinesPerHelper)));
    }
}
