using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Protocol;

public sealed class ChatOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones_and_valid()
    {
        var o = new ChatOptions();
        Assert.Equal(
            (7070, "*", ChatMode.Relay, true, 4096, 20, 256, 16),
            (o.Port, o.BindAddress, o.Mode, o.AllowClientArret, o.MaxLineBytes, o.MaxLinesPerSecond, o.MaxClients, o.MaxClientsPerIp));
        Assert.Empty(ChatOptionsValidator.Errors(o));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void A_port_out_of_range_is_one_line_naming_the_option(int port)
    {
        var error = Assert.Single(ChatOptionsValidator.Errors(new ChatOptions { Port = port }));
        Assert.Contains("Chat:Port", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void An_unknown_mode_names_the_option()
    {
        var error = Assert.Single(ChatOptionsValidator.Errors(new ChatOptions { Mode = (ChatMode)42 }));
        Assert.Contains("Chat:Mode", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bind_address_that_is_not_an_address_names_the_option()
    {
        var error = Assert.Single(ChatOptionsValidator.Errors(new ChatOptions { BindAddress = "la salle 12" }));
        Assert.Contains("Chat:BindAddress", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_below_their_minimum_name_the_option()
    {
        var errors = ChatOptionsValidator.Errors(new ChatOptions { MaxLineBytes = 0, MaxClientsPerIp = 0 }).ToList();
        Assert.Contains(errors, e => e.Contains("Chat:MaxLineBytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Chat:MaxClientsPerIp", StringComparison.Ordinal));
    }
}
