using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// A real <c>redis-server</c> (Debian's, installed by scripts/install-test-deps.d/redis.sh) on a free loopback port, in
/// a temporary directory, without persistence; it can be killed, restarted on the same port, paused and resumed.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chatops-redis-").FullName;
    private CliProcess? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string of this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        // redis-server takes no port 0: a port the kernel just handed out and released is free for the test's seconds.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new RedisServer(port);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again, on the same port and empty after <see cref="KillAsync"/>) and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        if (!File.Exists("/usr/bin/redis-server"))
            throw new InvalidOperationException("redis-server is missing: run scripts/install-test-deps.d/redis.sh (./test.sh does).");
        _process = CliProcess.StartProgram("redis-server",
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "no", "--daemonize", "no"]);
        await _process.WaitForLineAsync("Ready to accept connections", TimeSpan.FromSeconds(20));
    }

    /// <summary>Kills the server at once (SIGKILL): its clients see the connection drop.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }
    }

    /// <summary>SIGSTOP: the server keeps its sockets open and answers nothing, as a hung Redis does.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    public Task ResumeAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        var pid = _process?.Id ?? throw new InvalidOperationException("redis-server is not running");
        using var kill = Process.Start("kill", [signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill {signal} {pid} exited with {kill.ExitCode}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await ResumeAsync(); // a stopped process ignores SIGTERM until it runs again; SIGKILL works, but be tidy
            await KillAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }
}
