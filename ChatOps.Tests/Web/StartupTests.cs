using System.Net;
using System.Net.Sockets;
using ChatOps.Tests.Support;
using ChatOps.Web.Dashboard;
using ChatOps.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Tests.Web;

/// <summary>The program's start as the teacher sees it in the terminal: the banner, or one line saying what is wrong.</summary>
public sealed class StartupTests
{
    // Bounded: a setting that is not caught lets the host start and wait for a shutdown that never comes.
    private static Task<int> RunAsync(TextWriter screen, TextWriter errors, params string[] args) =>
        Build(args).RunChatOpsAsync(args, screen, errors).WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);

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
        string[] args = ["--Chat:Port=0"];
        var app = Build(args);
        using var screen = new StringWriter();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        // Stop as soon as the program is up: the test wants the banner printed before the wait for shutdown.
        lifetime.ApplicationStarted.Register(() => Task.Run(lifetime.StopApplication));

        var exitCode = await app.RunChatOpsAsync(args, screen, TextWriter.Null).WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"ChatOps dashboard: http://127\.0\.0\.1:\d+", screen.ToString());
        Assert.Matches(@"nc 127\.0\.0\.1 \d+", screen.ToString());
    }

    [Fact]
    public async Task A_dashboard_on_every_interface_prints_addresses_a_browser_opens_and_so_does_the_sign_in_link()
    {
        string[] args = ["--Chat:Port=0", "--urls", "http://0.0.0.0:0"];
        var app = Build(args);
        using var screen = new StringWriter();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => Task.Run(lifetime.StopApplication));

        var exitCode = await app.RunChatOpsAsync(args, screen, TextWriter.Null).WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var printed = screen.ToString();
        Assert.DoesNotContain("0.0.0.0", printed, StringComparison.Ordinal);
        Assert.Matches(@"ChatOps dashboard: http://localhost:\d+", printed);
        Assert.Matches(@"  http://localhost:\d+" + System.Text.RegularExpressions.Regex.Escape(ChatOps.Web.Auth.SignInEndpoints.LinkPath) + @"\?token=", printed);
        foreach (var lan in ChatOps.TcpEngine.Engine.ConnectHints.LanAddresses())
            Assert.Contains($"ChatOps dashboard: http://{lan}:", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_chat_port_is_one_line_and_exit_code_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var errors = new StringWriter();

        var exitCode = await RunAsync(TextWriter.Null, errors, $"--Chat:Port={port}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"chatops: Chat:Port {port} on 127.0.0.1: the port is already in use (is another server running?)", line);
    }

    [Fact]
    public async Task A_start_that_fails_after_the_engine_started_leaves_no_history_row()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var data = Path.Combine(Path.GetTempPath(), "chatops-start-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var errors = new StringWriter();

            // The engine listens (on a free port) before Kestrel finds its port taken.
            var exitCode = await RunAsync(TextWriter.Null, errors, "--Chat:Port=0", $"--Data:Path={data}", "--urls", $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}");

            Assert.Equal(1, exitCode);
            Assert.Contains("Is ChatOps already running?", errors.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await LabSessionRowsAsync(Path.Combine(data, "chatops.db")));
        }
        finally
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<long> LabSessionRowsAsync(string file)
    {
        if (!File.Exists(file))
            return 0;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM lab_sessions;";
        return (long)(await command.ExecuteScalarAsync(Xunit.TestContext.Current.CancellationToken))!;
    }

    [Theory]
    [InlineData("--Chat:MaxClients=0", "chatops: Chat:MaxClients must be at least 1 (got 0).")]
    [InlineData("--Dashboard:MirrorCapacity=5", "chatops: Dashboard:MirrorCapacity must be between 10 and 100000 (got 5).")]
    [InlineData("--Dashboard:TimeZone=Mars/Olympus", "chatops: Dashboard:TimeZone must be an IANA time zone this machine knows, e.g. Europe/Paris (got Mars/Olympus).")]
    [InlineData("--Chat:Mode=karaoke", "chatops: Chat:Mode must be one of echo, sync, async, relay (got 'karaoke').")]
    [InlineData("--Chat:Port=seventy", "chatops: Failed to convert configuration value 'seventy' at 'Chat:Port' to type 'System.Int32'.")]
    public async Task A_wrong_option_is_one_line_naming_the_key(string option, string expected)
    {
        using var errors = new StringWriter();

        var exitCode = await RunAsync(TextWriter.Null, errors, "--Chat:Port=0", option);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, errors.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("--Chat:Mdoe=sync", "chatops: Chat:Mdoe is not a setting; did you mean Chat:Mode?")]
    [InlineData("--chat:maxclient=10", "chatops: Chat:maxclient is not a setting; did you mean Chat:MaxClients?")]
    [InlineData("--Dashboard:RenderIntervall=00:00:01", "chatops: Dashboard:RenderIntervall is not a setting; did you mean Dashboard:RenderInterval?")]
    [InlineData("--Admin:Pasword=une phrase secrète", "chatops: Admin:Pasword is not a setting; did you mean Admin:Password?")]
    [InlineData("--Data:RetentionDay=30", "chatops: Data:RetentionDay is not a setting; did you mean Data:RetentionDays?")]
    [InlineData("--Metrics:Enable=false", "chatops: Metrics:Enable is not a setting; did you mean Metrics:Enabled?")]
    public async Task An_unknown_key_stops_the_start_and_names_the_closest_one(string option, string expected)
    {
        using var errors = new StringWriter();

        var exitCode = await RunAsync(TextWriter.Null, errors, "--Chat:Port=0", option);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, errors.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("--port", "7071", "chatops: --port is a switch of chatops serve; the web host takes --Chat:Port=<port>.")]
    [InlineData("--mode=sync", null, "chatops: --mode is a switch of chatops serve; the web host takes --Chat:Mode=<mode>.")]
    [InlineData("--no-client-arret", null, "chatops: --no-client-arret is a switch of chatops serve; the web host takes --Chat:AllowClientArret=false.")]
    [InlineData("--metrics-port", "9464", "chatops: --metrics-port is a switch of chatops serve; the web host takes no switch: it serves /metrics on its own HTTP port.")]
    public async Task A_switch_of_serve_stops_the_start_and_says_what_the_web_host_takes(string option, string? value, string expected)
    {
        using var errors = new StringWriter();

        var exitCode = await RunAsync(TextWriter.Null, errors, value is null ? ["--Chat:Port=0", option] : ["--Chat:Port=0", option, value]);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, errors.ToString().TrimEnd());
    }
}
