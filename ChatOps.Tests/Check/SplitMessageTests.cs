using System.Text;
using ChatOps.Grading.Checks;

namespace ChatOps.Tests.Check;

public sealed class SplitMessageTests
{
    [Fact]
    public void The_split_message_is_longer_than_one_recv_1024_so_a_server_reading_one_recv_per_message_cuts_it_whatever_the_timing()
    {
        var message = SplitMessageCheck.Message("split-abc-000");

        var bytes = Encoding.UTF8.GetByteCount(message);
        Assert.InRange(bytes, SplitMessageCheck.RecvBuffer + 1, SplitMessageCheck.MessageBytes);
        Assert.StartsWith("split-abc-000 un deux trois", message, StringComparison.Ordinal);
        Assert.Equal(bytes, message.Length); // ASCII: the thirds cut no character
    }
}
