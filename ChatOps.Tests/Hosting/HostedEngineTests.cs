using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Hosting;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Tests.Hosting;

public sealed class HostedEngineTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Later settings win, as in layered configuration.
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
            values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddChatEngine();
        return builder.Build();
    }

    [Fact]
    public async Task The_engine_listens_once_the_host_has_started_and_host_shutdown_tells_the_clients()
    {
        using var host = Build(("Chat:Port", "0"), ("Chat:BindAddress", "127.0.0.1"), ("Chat:Mode", "echo"), ("Chat:Language", "en"));
        await host.StartAsync(TestContext.Current.CancellationToken);
        var engine = host.Services.GetRequiredService<ChatServer>().Rooms[0];
        Assert.NotNull(engine.LocalEndPoint);

        await using var client = await TcpTestClient.ConnectAsync(engine.LocalEndPoint);
        await client.SendLineAsync("hosted");
        Assert.Equal("hosted", await client.ReadLineAsync());

        await host.StopAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.Equal(["* the server is shutting down"], await client.ReadToEndAsync());
        Assert.False(engine.IsRunning);
    }

    [Theory]
    [InlineData("Chat:Port", "70000")]
    [InlineData("Chat:MaxLineBytes", "0")]
    [InlineData("Chat:BindAddress", "not-an-ip")]
    public async Task A_wrong_value_stops_start_up_with_a_message_naming_the_option(string key, string value)
    {
        using var host = Build(("Chat:BindAddress", "127.0.0.1"), ("Chat:Port", "0"), (key, value));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mode_stops_start_up_with_a_message_naming_the_option()
    {
        using var host = Build(("Chat:Port", "0"), ("Chat:Mode", "banana"));
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Chat:Mode", error.Message, StringComparison.Ordinal);
    }
}
