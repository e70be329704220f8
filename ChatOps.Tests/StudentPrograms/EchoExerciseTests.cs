namespace ChatOps.Tests.StudentPrograms;

/// <summary>Exercise 1 with the students' own programs, as real processes against <c>chatops serve --mode echo</c>.</summary>
public sealed class EchoExerciseTests
{
    [Theory]
    [InlineData(StudentClient.PythonNoNewline, Skip = "needs decoder")]
    [InlineData(StudentClient.PythonNewline)]
    [InlineData(StudentClient.PythonWindows1252, Skip = "needs decoder")]
    [InlineData(StudentClient.Telnet, Skip = "needs decoder")]
    [InlineData(StudentClient.TelnetCrNul, Skip = "needs decoder")]
    [InlineData(StudentClient.CPadded, Skip = "needs decoder")]
    [InlineData(StudentClient.CReusedBuffer, Skip = "needs decoder")]
    [InlineData(StudentClient.JavaPrintln)]
    [InlineData(StudentClient.JavaWriteUtf, Skip = "needs decoder")]
    [InlineData(StudentClient.CSharpUtf8Bom, Skip = "needs decoder")]
    [InlineData(StudentClient.CSharpUtf16, Skip = "needs decoder")]
    public async Task The_line_comes_back_bye_leaves_and_arret_stops_the_server(StudentClient client)
    {
        await using var serve = await ExerciseServer.StartAsync("echo");
        await using var first = await StudentLauncher.StartAsync(client, serve.Port, threaded: false);
        var message = StudentTexts.Message(client);

        await first.SayAsync(message);
        await serve.WaitForLineAsync("> " + message);
        await first.WaitForAsync(StudentTexts.Line(client, message));
        Assert.StartsWith(StudentTexts.Line(client, message), first.Received, StringComparison.Ordinal);

        await StudentSession.LeaveThenStopAsync(serve, first, threaded: false, connect: _ => Task.CompletedTask);
    }
}
