namespace ChatOps.Tests.StudentPrograms;

/// <summary>
/// Exercise 2, synchronous, with the students' own programs against <c>chatops serve --mode sync</c>: each message gets
/// exactly one answer, typed by the operator, and it is the first thing the client reads.
/// </summary>
public sealed class SyncExerciseTests
{
    [Theory]
    [InlineData(StudentClient.PythonNoNewline)]
    [InlineData(StudentClient.PythonNewline)]
    [InlineData(StudentClient.PythonWindows1252)]
    [InlineData(StudentClient.CPadded)]
    [InlineData(StudentClient.CReusedBuffer)]
    [InlineData(StudentClient.CPaddedPiped)]
    [InlineData(StudentClient.JavaPrintln)]
    [InlineData(StudentClient.JavaWriteUtf)]
    [InlineData(StudentClient.JavaReadsFirst)]
    [InlineData(StudentClient.CSharpUtf8Bom)]
    [InlineData(StudentClient.CSharpUtf16)]
    public async Task The_operator_answers_bye_leaves_and_arret_stops_the_server(StudentClient client)
    {
        await using var serve = await ExerciseServer.StartAsync("sync");
        await using var first = await StudentLauncher.StartAsync(client, serve.Port, threaded: false);
        var expected = "";
        if (client == StudentClient.JavaReadsFirst)
        {
            await GreetAsync(serve, first);
            expected = StudentTexts.Line(client, StudentTexts.Greeting(client));
        }
        var message = StudentTexts.Message(client);
        var reply = StudentTexts.Reply(client);

        await first.SayAsync(message);
        await serve.WaitForLineAsync("waits for your reply to: " + message);
        await serve.TypeAsync(reply);
        expected += StudentTexts.Line(client, reply);
        await first.WaitForAsync(expected);
        Assert.StartsWith(expected, first.Received, StringComparison.Ordinal);

        await StudentSession.LeaveThenStopAsync(serve, first, threaded: false,
            connect: next => client == StudentClient.JavaReadsFirst ? GreetAsync(serve, next) : Task.CompletedTask);
    }

    [Fact]
    public async Task A_waiting_client_reads_nothing_until_its_turn_then_exactly_its_answer()
    {
        const StudentClient Client = StudentClient.PythonNoNewline;
        await using var serve = await ExerciseServer.StartAsync("sync");
        await using var first = await StudentLauncher.StartAsync(Client, serve.Port, threaded: false);
        await first.SayAsync("question 1");
        await serve.WaitForLineAsync("waits for your reply to: question 1");
        await serve.TypeAsync("answer 1");
        await first.WaitForAsync("answer 1\n");

        // The second program sends at once and makes one recv(): what it reads first must be its answer, not a notice.
        await using var second = await StudentLauncher.StartAsync(Client, serve.Port, threaded: false);
        await second.SayAsync("question 2");
        await first.SayAsync("bye");
        first.EndInput();
        Assert.Equal(0, await first.FinishAsync());
        await serve.WaitForLineAsync("waits for your reply to: question 2");
        await serve.TypeAsync("answer 2");
        await second.WaitForAsync("answer 2\n");
        Assert.Equal("answer 2\n", second.Received);

        await second.SayAsync("arret");
        second.EndInput();
        Assert.Equal(0, await second.FinishAsync());
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    // A client that reads before it writes waits for the server to speak: the operator greets it.
    private static async Task GreetAsync(ExerciseServer serve, StudentRun run)
    {
        await serve.WaitForConnectionAsync();
        var greeting = StudentTexts.Greeting(run.Client);
        await serve.TypeAsync(greeting);
        await run.WaitForAsync(StudentTexts.Line(run.Client, greeting));
    }
}
