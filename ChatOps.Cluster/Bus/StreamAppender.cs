using ChatOps.Cluster.Redis;
using StackExchange.Redis;

namespace ChatOps.Cluster.Bus;

/// <summary>
/// Appends one batch of a host's broadcasts to the room's stream in one round trip: pipelined <c>XADD … MAXLEN ~</c>
/// (one per broadcast, with its host, instance and sequence number) and one <c>PUBLISH</c> on the wake-up channel.
/// </summary>
internal sealed class StreamAppender(RedisLink link, RedisKey stream, RedisChannel wake, string instance)
{
    /// <summary>
    /// False when Redis refused, failed or did not answer within <c>Cluster:HangTimeout</c> (the link is then marked
    /// down). The batch may still land later (a hung Redis runs it when it wakes): the sequence numbers let every host
    /// deliver each entry once.
    /// </summary>
    public async Task<bool> AppendAsync(IReadOnlyList<SequencedBroadcast> batch)
    {
        if (batch.Count == 0)
            return true;
        var options = link.Options;
        try
        {
            await link.RunAsync(async db =>
            {
                var pipe = db.CreateBatch();
                var appends = new Task[batch.Count + 1];
                for (var i = 0; i < batch.Count; i++)
                {
                    var fields = StreamEntryCodec.Encode(options.HostId, instance, batch[i].Sequence, batch[i].Message);
                    appends[i] = pipe.StreamAddAsync(stream, fields, maxLength: options.StreamMaxLength, useApproximateMaxLength: true);
                }
                appends[^1] = pipe.PublishAsync(wake, RedisValue.EmptyString);
                pipe.Execute();
                await Task.WhenAll(appends).ConfigureAwait(false);
                return true;
            }, "XADD").ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return false;
        }
    }
}
