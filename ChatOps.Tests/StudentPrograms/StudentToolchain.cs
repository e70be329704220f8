using System.Diagnostics;

namespace ChatOps.Tests.StudentPrograms;

/// <summary>
/// The compilers and interpreters the student clients need, found on PATH. The C and Java clients are compiled once per
/// test run into a temporary folder (deleted when the run ends). A missing toolchain skips the test and says how to get
/// it: <c>test.sh</c> installs them (scripts/install-test-deps.d/student-clients.sh).
/// </summary>
internal static class StudentToolchain
{
    private static readonly string Sources = Path.Combine(AppContext.BaseDirectory, "StudentPrograms", "Clients");
    private static readonly Lazy<Task<string>> CBuild = new(() => CompileAsync("gcc", c => ["-O1", "-pthread", "-o", Path.Combine(c, "padded_client"), Source("padded_client.c")]));
    private static readonly Lazy<Task<string>> JavaBuild = new(() => CompileAsync("javac", c => ["-encoding", "UTF-8", "-d", c, .. Directory.GetFiles(Sources, "*.java")]));
    private static readonly Lazy<string> BuildRoot = new(CreateBuildRoot);
    private static readonly Lazy<Task<string>> PythonPath = new(FindPythonAsync);

    public static string Source(string file) => Path.Combine(Sources, file);

    /// <summary>The program's full path on PATH; skips the test when it is not installed.</summary>
    public static string Require(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
        if (found is null)
            Assert.Skip($"{program} is not installed: scripts/install-test-deps.d/student-clients.sh installs it (test.sh runs it).");
        return found;
    }

    /// <summary>
    /// The Python interpreter itself: <c>python3</c> on PATH may be a version manager's shim (pyenv) that costs half a
    /// second per start, a dozen times per run.
    /// </summary>
    public static Task<string> PythonAsync()
    {
        Require("python3");
        return PythonPath.Value;
    }

    /// <summary>The folder holding the compiled C client.</summary>
    public static Task<string> CAsync()
    {
        Require("gcc");
        return CBuild.Value;
    }

    /// <summary>The class folder of the compiled Java clients.</summary>
    public static Task<string> JavaAsync()
    {
        Require("javac");
        return JavaBuild.Value;
    }

    private static async Task<string> FindPythonAsync() =>
        (await RunAsync("python3", ["-c", "import sys; print(sys.executable)"])).Trim();

    private static async Task<string> CompileAsync(string compiler, Func<string, string[]> arguments)
    {
        var output = Path.Combine(BuildRoot.Value, compiler);
        Directory.CreateDirectory(output);
        await RunAsync(compiler, arguments(output));
        return output;
    }

    /// <summary>Runs a tool to its end (bounded) and returns its standard output; throws with its messages when it fails.</summary>
    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        var info = new ProcessStartInfo(Require(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        return await output;
    }

    private static string CreateBuildRoot()
    {
        var root = Directory.CreateTempSubdirectory("chatops-student-clients-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless.
            }
        };
        return root;
    }
}
