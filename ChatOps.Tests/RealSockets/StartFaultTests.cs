using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

public sealed class StartFaultTests
{
    [Fact]
    public async Task A_port_already_in_use_stops_start_up_with_one_line_naming_the_port()
    {
        await using var first = await TcpChat.StartAsync(ChatMode.Relay);
        var port = first.EndPoint.Port;
        await using var second = new ChatEngine(Microsoft.Extensions.Options.Options.Create(TestOptions.For(ChatMode.Relay, o => o.Port = port)));

        var error = await Assert.ThrowsAsync<ChatEngineStartException>(() => second.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"Chat:Port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(second.IsRunning);

        // The first engine is not disturbed.
        var client = await first.ConnectJoinedAsync();
        Assert.StartsWith("* connected", await client.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bind_address_that_is_not_this_machine_names_the_option()
    {
        // 192.0.2.0/24 is reserved for documentation; 192.0.2.254 is not an address of this machine.
        await using var engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(TestOptions.For(ChatMode.Relay, o => o.BindAddress = "192.0.2.254")));
        var error = await Assert.ThrowsAsync<ChatEngineStartException>(() => engine.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Chat:BindAddress 192.0.2.254", error.Message, StringComparison.Ordinal);
    }
}
