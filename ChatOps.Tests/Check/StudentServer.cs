using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOps.Tests.Check;

/// <summary>A student-style server (StudentPrograms/Servers/*.py) as a real process on loopback, on a port it picked.</summary>
internal sealed partial class StudentServer : IAsyncDisposable
{
    // Python starts in milliseconds on a quiet machine; on the shared test machine it has taken over twenty seconds.
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private StudentServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<StudentServer> StartAsync(string script, params string[] args)
    {
        var info = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add(Path.Combine(Folder, script));
        info.ArgumentList.Add("0");
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            using var cts = new CancellationTokenSource(StartWait);
            var banner = await process.StandardOutput.ReadLineAsync(cts.Token);
            var match = PortPattern().Match(banner ?? "");
            if (!match.Success)
                throw new InvalidOperationException($"{script} printed {banner ?? "nothing"} instead of its port");
            return new StudentServer(process, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        catch
        {
            // Never leave a server behind: the next run's ports and the machine's cores are shared.
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "StudentPrograms", "Servers");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on port (\d+)")]
    private static partial Regex PortPattern();
}
