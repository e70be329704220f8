using System.Net;
using System.Net.Sockets;
using ChatOps.Tests.Support;
using ChatOps.Web.Dashboard;
using ChatOps.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Tests.Web;

/// <summary>The program's start as the teacher sees it in the terminal: the banner, or one line saying what is wrong.</summary>
public sealed class StartupTests
{
    private static WebApplication Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0", "--Chat:BindAddress=127.0.0.1", .. args],
            ApplicationName = typeof(DashboardState).Assembly.GetName().Name,
        });
        builder.AddChatOpsWeb();
        var app = builder.Build();
        app.UseChatOpsWeb();
        return app;
    }

    [Fact]
    public async Task Prints_the_dashboard_address_and_how_students_connect()
    {
        var app = Build("--Chat:Port=0");
        using var screen = new StringWriter();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        // Stop as soon as the program is up: the test wants the banner printed before the wait for shutdown.
        lifetime.ApplicationStarted.Register(() => Task.Run(lifetime.StopApplication));

        var exitCode = await app.RunChatOpsAsync(screen, TextWriter.Null).WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"ChatOps dashboard: http://127\.0\.0\.1:\d+", screen.ToString());
        Assert.Matches(@"nc 127\.0\.0\.1 \d+", screen.ToString());
    }

    [Fact]
    public async Task A_busy_chat_port_is_one_line_and_exit_code_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var errors = new StringWriter();

        var exitCode = await Build($"--Chat:Port={port}").RunChatOpsAsync(TextWriter.Null, errors);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"chatops: Chat:Port {port} on 127.0.0.1: the port is already in use (is another server running?)", line);
    }

    [Theory]
    [InlineData("--Chat:MaxClients=0", "chatops: Chat:MaxClients must be at least 1 (got 0).")]
    [InlineData("--Dashboard:MirrorCapacity=5", "chatops: Dashboard:MirrorCapacity must be between 10 and 100000 (got 5).")]
    [InlineData("--Chat:Mode=karaoke", "chatops: Failed to convert configuration value 'karaoke' at 'Chat:Mode' to type 'ChatOps.TcpEngine.ChatMode'.")]
    public async Task A_wrong_option_is_one_line_naming_the_key(string option, string expected)
    {
        using var errors = new StringWriter();

        var exitCode = await Build("--Chat:Port=0", option).RunChatOpsAsync(TextWriter.Null, errors);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, errors.ToString().TrimEnd());
    }
}
