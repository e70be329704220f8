using System.Globalization;
using ChatOps.TcpEngine;
using ChatOps.Tests.Cli;
using ChatOps.Tests.StudentPrograms;
using ChatOps.Tests.Support;
using ChatOps.Web.Join;
using Microsoft.Extensions.Localization;

namespace ChatOps.Tests.Web.Join;

/// <summary>
/// The join page's programs, copied as printed, talk to a real room: what a student pastes must work. They run with their
/// French comments, the students' default.
/// </summary>
public sealed class JoinSnippetsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-snippets-").FullName;

    private static IStringLocalizer French()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        return UiLocalizer.Create();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void The_programs_are_ascii_in_every_language_and_only_their_comments_change(string language)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var text = UiLocalizer.Create();
        var programs = Enum.GetValues<ChatMode>().SelectMany(m => new[] { JoinSnippets.Python("10.0.0.1", 7070, m, text), JoinSnippets.Java("10.0.0.1", 7070, m, text) }).ToList();

        // A javac or an editor in another encoding (Windows-1252, ASCII) must read what the student pasted.
        Assert.All(programs, p => Assert.True(p.All(char.IsAscii), p));
        var comments = string.Join('\n', programs);
        Assert.Equal(language == "fr", comments.Contains("# un message par send()", StringComparison.Ordinal));
        Assert.Equal(language == "fr", comments.Contains("// ce que renvoie le serveur", StringComparison.Ordinal));
        Assert.Contains("s.send(message.encode(\"utf-8\"))", comments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_python_program_of_an_echo_room_gets_each_message_back_and_leaves_with_bye()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var file = Path.Combine(_folder, "client.py");
        await File.WriteAllTextAsync(file, JoinSnippets.Python("127.0.0.1", chat.EndPoint.Port, ChatMode.Echo, French()), Xunit.TestContext.Current.CancellationToken);
        // Unbuffered: piped, Python would keep its prints until it exits.
        await using var student = CliProcess.StartProgram(await StudentToolchain.PythonAsync(), [file], new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });

        await student.TypeAsync("bonjour");
        await student.WaitForLineAsync("bonjour");
        await student.TypeAsync("bye");
        Assert.Equal(0, await student.WaitForExitAsync());
    }

    [Fact]
    public async Task The_python_program_of_a_relay_room_sends_to_the_others_and_prints_what_they_say()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        await using var classmate = await chat.ConnectJoinedAsync();
        var file = Path.Combine(_folder, "client.py");
        await File.WriteAllTextAsync(file, JoinSnippets.Python("127.0.0.1", chat.EndPoint.Port, ChatMode.Relay, French()), Xunit.TestContext.Current.CancellationToken);
        await using var student = CliProcess.StartProgram(await StudentToolchain.PythonAsync(), [file], new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });

        await student.TypeAsync("salut la classe");
        Assert.Equal("[127.0.0.1] salut la classe", await classmate.ReadUntilAsync(l => !l.StartsWith("* ", StringComparison.Ordinal)));
        await classmate.SendLineAsync("bienvenue");
        await student.WaitForLineAsync("bienvenue");
        await student.TypeAsync("bye");
        Assert.Equal(0, await student.WaitForExitAsync());
    }

    [Fact]
    public async Task The_java_program_of_an_echo_room_gets_each_message_back_and_leaves_with_bye()
    {
        var javac = StudentToolchain.Require("javac");
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        await File.WriteAllTextAsync(Path.Combine(_folder, "Client.java"), JoinSnippets.Java("127.0.0.1", chat.EndPoint.Port, ChatMode.Echo, French()), Xunit.TestContext.Current.CancellationToken);
        await using (var compile = CliProcess.StartProgram(javac, ["-d", _folder, Path.Combine(_folder, "Client.java")]))
            Assert.Equal(0, await compile.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        await using var student = CliProcess.StartProgram(StudentToolchain.Require("java"), ["-cp", _folder, "Client"]);

        await student.TypeAsync("bonjour");
        await student.WaitForLineAsync("bonjour", TimeSpan.FromSeconds(30));
        await student.TypeAsync("bye");
        Assert.Equal(0, await student.WaitForExitAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
