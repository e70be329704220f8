using System.Net;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.StudentPrograms;

/// <summary>
/// Exercise 3 with the students' own programs (a thread reads while the program sends) against
/// <c>chatops serve --mode relay</c>, with a classmate on a plain UTF-8 <c>\n</c> connection.
/// </summary>
public sealed class RelayExerciseTests
{
    [Theory]
    [InlineData(StudentClient.PythonNoNewline)]
    [InlineData(StudentClient.PythonNewline)]
    [InlineData(StudentClient.PythonWindows1252)]
    [InlineData(StudentClient.Telnet)]
    [InlineData(StudentClient.CPadded)]
    [InlineData(StudentClient.JavaPrintln)]
    [InlineData(StudentClient.JavaWriteUtf)]
    [InlineData(StudentClient.CSharpUtf8Bom)]
    [InlineData(StudentClient.CSharpUtf16)]
    public async Task A_classmate_reads_the_line_answers_and_sees_the_client_leave_and_arret(StudentClient client)
    {
        await using var serve = await ExerciseServer.StartAsync("relay");
        await using var classmate = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, serve.Port));
        await classmate.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        await using var first = await StudentLauncher.StartAsync(client, serve.Port, threaded: true);
        if (!StudentTexts.SpeaksFirst(client))
            await first.WaitForAsync("* connected");
        await classmate.ReadUntilAsync(l => l.EndsWith(" joined", StringComparison.Ordinal));
        var message = StudentTexts.Message(client);
        var reply = StudentTexts.Reply(client);

        await first.SayAsync(message);
        if (StudentTexts.SpeaksFirst(client))
            await first.WaitForAsync("* connected");
        Assert.Equal("[127.0.0.1] " + message, await classmate.ReadUntilAsync(l => l.StartsWith('[')));
        await classmate.SendLineAsync(reply);
        await first.WaitForAsync(StudentTexts.Line(client, "[127.0.0.1] " + reply));

        var seen = new List<string>();
        await StudentSession.LeaveThenStopAsync(serve, first, threaded: true, connect: async next =>
        {
            if (!StudentTexts.SpeaksFirst(client))
                await next.WaitForAsync("* connected");
        },
            othersAfterArret: async () =>
            {
                seen = await classmate.ReadToEndAsync();
                await classmate.DisposeAsync();
            });
        Assert.Contains(seen, l => l.EndsWith(" left", StringComparison.Ordinal));
        Assert.Contains(seen, l => l.StartsWith("* arret", StringComparison.Ordinal));
    }
}
