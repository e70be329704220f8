namespace ChatOps.Tests.StudentPrograms;

/// <summary>Exercise 1 with the students' own programs, as real processes against <c>chatops serve --mode echo</c>.</summary>
public sealed class EchoExerciseTests
{
    [Theory]
    [InlineData(StudentClient.PythonNoNewline)]
    [InlineData(StudentClient.PythonNewline)]
    [InlineData(StudentClient.PythonWindows1252)]
    [InlineData(StudentClient.Telnet)]
    [InlineData(StudentClient.TelnetCrNul)]
    [InlineData(StudentClient.CPadded)]
    [InlineData(StudentClient.CReusedBuffer)]
    [InlineData(StudentClient.CPaddedPiped)]
    [InlineData(StudentClient.CReusedBufferPiped)]
    [InlineData(StudentClient.JavaPrintln)]
    [InlineData(StudentClient.JavaWriteUtf)]
    [InlineData(StudentClient.CSharpUtf8Bom)]
    [InlineData(StudentClient.CSharpUtf16)]
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

    // A person types about five keys a second: slower than the message gap, so only Enter may end the line.
    [Fact]
    public async Task A_telnet_user_typing_at_a_persons_pace_gets_whole_lines_and_leaves_after_fixing_a_typo()
    {
        await using var serve = await ExerciseServer.StartAsync("echo");
        await using var user = await StudentLauncher.StartAsync(StudentClient.Telnet, serve.Port, threaded: true, "--key-delay-ms", "200");

        await user.SayAsync("ça va €");
        await serve.WaitForLineAsync("> ça va €");
        await user.SayAsync(StudentTexts.Bye(StudentClient.Telnet));
        user.EndInput();
        await user.WaitForAsync("* goodbye 127.0.0.1\r\n", TimeSpan.FromSeconds(15));
        Assert.Equal(0, await user.FinishAsync());
        Assert.StartsWith("ça va €\r\n", user.Received, StringComparison.Ordinal);

        await serve.TypeAsync("arret");
        Assert.Equal(0, await serve.WaitForExitAsync());
    }
}
