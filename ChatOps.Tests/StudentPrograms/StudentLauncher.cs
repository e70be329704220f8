using System.Globalization;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.StudentPrograms;

/// <summary>Starts a student client as a real process against 127.0.0.1:port.</summary>
internal static class StudentLauncher
{
    // A person at the keyboard takes longer than this to type the next message (and longer than Chat:MessageGap, 150 ms).
    private const string PersonTypingMs = "300";

    /// <param name="threaded">
    /// A reading thread prints whatever arrives while the program sends (the asynchronous and relay exercises); otherwise
    /// each message is followed by exactly one read (echo and synchronous). The telnet user and the client that reads
    /// first have one way only.
    /// </param>
    /// <param name="options">More of the program's own options (e.g. the telnet user's <c>--key-delay-ms</c>).</param>
    public static async Task<StudentRun> StartAsync(StudentClient client, int port, bool threaded, params string[] options)
    {
        var (program, arguments) = await CommandAsync(client, port.ToString(CultureInfo.InvariantCulture), threaded ? ["--threaded"] : []);
        return new StudentRun(client, CliProcess.StartProgram(program, [.. arguments, .. options]));
    }

    private static async Task<(string Program, string[] Arguments)> CommandAsync(StudentClient client, string port, string[] threaded)
    {
        const string Host = "127.0.0.1";
        switch (client)
        {
            case StudentClient.PythonNoNewline: return await PythonAsync("recv_client.py", [Host, port, .. threaded]);
            case StudentClient.PythonNewline: return await PythonAsync("recv_client.py", [Host, port, "--newline", .. threaded]);
            case StudentClient.PythonWindows1252: return await PythonAsync("recv_client.py", [Host, port, "--newline", "--encoding", "cp1252", .. threaded]);
            case StudentClient.Telnet: return await PythonAsync("telnet_user.py", [Host, port]);
            case StudentClient.TelnetCrNul: return await PythonAsync("telnet_user.py", [Host, port, "--enter", "crnul"]);
            case StudentClient.CPadded: return await CAsync([Host, port, "--think-ms", PersonTypingMs, .. threaded]);
            case StudentClient.CReusedBuffer: return await CAsync([Host, port, "--reuse", "--think-ms", PersonTypingMs, .. threaded]);
            case StudentClient.CPaddedPiped: return await CAsync([Host, port, .. threaded]);
            case StudentClient.CReusedBufferPiped: return await CAsync([Host, port, "--reuse", .. threaded]);
            case StudentClient.JavaPrintln: return await JavaAsync("PrintlnClient", [Host, port, .. threaded]);
            case StudentClient.JavaWriteUtf: return await JavaAsync("WriteUtfClient", [Host, port, .. threaded]);
            case StudentClient.JavaReadsFirst: return await JavaAsync("ReadsFirstClient", [Host, port]);
            case StudentClient.CSharpUtf8Bom: return CSharp(["utf8", Host, port, .. threaded]);
            case StudentClient.CSharpUtf16: return CSharp(["unicode", Host, port, .. threaded]);
            default: throw new ArgumentOutOfRangeException(nameof(client), client, null);
        }
    }

    private static async Task<(string, string[])> CAsync(string[] arguments) =>
        (Path.Combine(await StudentToolchain.CAsync(), "padded_client"), arguments);

    // -X utf8: the program's own console is UTF-8 whatever the locale, as on the students' machines.
    private static async Task<(string, string[])> PythonAsync(string file, string[] arguments) =>
        (await StudentToolchain.PythonAsync(), ["-X", "utf8", StudentToolchain.Source(file), .. arguments]);

    // file.encoding=UTF-8: Java 17's default charset follows the locale; the students' machines use UTF-8.
    // TieredStopAtLevel=1 and the serial GC: these programs live a second; later JIT tiers and GC threads only cost start-up.
    private static async Task<(string, string[])> JavaAsync(string mainClass, string[] arguments)
    {
        var classes = await StudentToolchain.JavaAsync();
        return (StudentToolchain.Require("java"), ["-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classes, mainClass, .. arguments]);
    }

    private static (string, string[]) CSharp(string[] arguments) =>
        ("dotnet", [Path.Combine(AppContext.BaseDirectory, "ChatOps.Tests.StudentClients.dll"), .. arguments]);
}
