using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>
/// Debian's HAProxy as a real process in front of a room: a TCP frontend on a free loopback port, the room as its one
/// server with <c>send-proxy-v2</c> and health checks. Its configuration and output stay in a temporary folder.
/// </summary>
internal sealed class Haproxy : IAsyncDisposable
{
    public const string InstallHint = "haproxy is not installed: run scripts/install-test-deps.d/haproxy.sh (./test.sh runs it)";
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private Haproxy(Process process, string folder, IPEndPoint frontend)
    {
        _process = process;
        _folder = folder;
        Frontend = frontend;
    }

    public IPEndPoint Frontend { get; }

    /// <summary>What HAProxy printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    // Debian installs it in /usr/sbin, which is not on every user's PATH.
    private static readonly string[] Places = ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"];

    public static string? Executable() => Places.FirstOrDefault(File.Exists);

    /// <summary>Starts HAProxy relaying to <paramref name="room"/>; fails (never skips) when it is not installed.</summary>
    public static Haproxy Start(IPEndPoint room)
    {
        var executable = Executable();
        Assert.True(executable is not null, InstallHint);
        var folder = Directory.CreateTempSubdirectory("chatops-haproxy-").FullName;
        var frontend = new IPEndPoint(IPAddress.Loopback, FreePort());
        var config = Path.Combine(folder, "haproxy.cfg");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            global
                maxconn 100

            defaults
                mode tcp
                timeout connect 5s
                timeout client 60s
                timeout server 60s

            frontend chat
                bind {frontend}
                default_backend room

            backend room
                server chatops {room} send-proxy-v2 check inter 200ms

            """));
        var info = new ProcessStartInfo(executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(config);
        info.ArgumentList.Add("-db");
        var process = Process.Start(info) ?? throw new InvalidOperationException("haproxy did not start");
        var haproxy = new Haproxy(process, folder, frontend);
        process.OutputDataReceived += (_, e) => haproxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => haproxy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return haproxy;
    }

    /// <summary>
    /// Connects to the frontend from <paramref name="from"/>, retrying while HAProxy is still binding it (refused), and
    /// failing with its output if it exited.
    /// </summary>
    public async Task<Support.TcpTestClient> ConnectFromAsync(string from)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await Support.TcpTestClient.ConnectAsync(Frontend, from: IPAddress.Parse(from));
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused && !_process.HasExited && DateTime.UtcNow < deadline)
            {
                // HAProxy has not bound its frontend yet: it parses its configuration first, in a few milliseconds.
                await Task.Delay(20);
            }
            catch (SocketException ex) when (_process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited ({_process.ExitCode}): {Output}", ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
