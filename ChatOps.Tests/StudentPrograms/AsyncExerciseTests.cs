namespace ChatOps.Tests.StudentPrograms;

/// <summary>
/// Exercise 2, asynchronous, with the students' own programs (a thread reads while the program sends) against
/// <c>chatops serve --mode async</c>: the served client is welcomed, then both sides speak whenever they like.
/// </summary>
public sealed class AsyncExerciseTests
{
    [Theory]
    [InlineData(StudentClient.PythonNoNewline)]
    [InlineData(StudentClient.PythonNewline)]
    [InlineData(StudentClient.CPadded)]
    [InlineData(StudentClient.JavaPrintln)]
    [InlineData(StudentClient.JavaReadsFirst)]
    [InlineData(StudentClient.CSharpUtf16)]
    public async Task The_operators_line_arrives_bye_leaves_and_arret_stops_the_server(StudentClient client)
    {
        await using var serve = await ExerciseServer.StartAsync("async");
        await using var first = await StudentLauncher.StartAsync(client, serve.Port, threaded: true);
        if (!StudentTexts.SpeaksFirst(client))
            await first.WaitForAsync("* connected");
        var message = StudentTexts.Message(client);
        var reply = StudentTexts.Reply(client);

        await first.SayAsync(message);
        if (StudentTexts.SpeaksFirst(client))
            await first.WaitForAsync("* connected");
        await serve.WaitForLineAsync("> " + message);
        await serve.TypeAsync(reply);
        await first.WaitForAsync(StudentTexts.Line(client, reply));

        await StudentSession.LeaveThenStopAsync(serve, first, threaded: true, connect: async next =>
        {
            if (!StudentTexts.SpeaksFirst(client))
                await next.WaitForAsync("* connected");
        });
    }
}
