using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace ChatOps.Tests.Cli;

/// <summary>
/// The real <c>chatops</c> program (or another console program: a student's client), driven through its standard input
/// and output.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly Channel<string> _stdout = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stdoutSeen = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private int _disposed;

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _stdout.Writer.TryComplete();
                return;
            }
            lock (_gate)
                _stdoutSeen.AppendLine(e.Data);
            _stdout.Writer.TryWrite(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_gate)
                    _stderr.AppendLine(e.Data);
            }
        };
    }

    public static CliProcess Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>chatops</c> with these environment variables added (e.g. <c>Chat__Mode</c>).</summary>
    /// <remarks>
    /// English unless the environment says otherwise: the notices (<c>Chat__Language</c>) and the console's own words
    /// (the system culture, <c>LC_ALL</c>), whatever the machine running the tests speaks.
    /// </remarks>
    public static CliProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var english = new Dictionary<string, string> { ["Chat__Language"] = "en", ["LC_ALL"] = "en_US.UTF-8" };
        foreach (var (name, value) in environment)
            english[name] = value;
        return StartProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "chatops.dll"), .. args], english);
    }

    /// <summary>Starts any program; what is typed reaches it as UTF-8 without a BOM, its output is read as UTF-8.</summary>
    public static CliProcess StartProgram(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.Start();
        process.StandardInput.AutoFlush = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
                return _stderr.ToString();
        }
    }

    public string StdoutSoFar
    {
        get
        {
            lock (_gate)
                return _stdoutSeen.ToString();
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>The process id, to signal it (<c>kill -STOP</c>).</summary>
    public int Id => _process.Id;

    public Task TypeAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Reads standard output until a line matches; fails with everything seen when it does not come in time.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        try
        {
            while (await _stdout.Reader.WaitToReadAsync(cts.Token))
            {
                while (_stdout.Reader.TryRead(out var line))
                {
                    if (match(line))
                        return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below with what the program printed.
        }
        throw new Xunit.Sdk.XunitException($"No matching line on stdout.\nstdout:\n{StdoutSoFar}\nstderr:\n{Stderr}");
    }

    /// <summary>The next line of standard output, or null once the program closed it.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (await _stdout.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_stdout.Reader.TryRead(out var line))
                return line;
        }
        return null;
    }

    public Task<string> WaitForLineAsync(string contains, TimeSpan? timeout = null) =>
        WaitForLineAsync(l => l.Contains(contains, StringComparison.Ordinal), timeout);

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The program did not exit.\nstdout:\n{StdoutSoFar}\nstderr:\n{Stderr}");
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the process (SIGKILL, as <c>kill -9</c>) if it still runs; disposing twice is harmless.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
