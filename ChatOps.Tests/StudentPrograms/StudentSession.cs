namespace ChatOps.Tests.StudentPrograms;

/// <summary>The end every exercise shares: <c>bye</c> ends the client and ChatOps keeps running; the next run's <c>arret</c> stops it.</summary>
internal static class StudentSession
{
    /// <param name="connect">What the exercise needs once a new run is connected before it can type (a welcome, a greeting).</param>
    /// <param name="othersAfterArret">
    /// The other clients read what is left and close: the server drains each connection until its peer closes
    /// (at most Chat:CloseTimeout) before it exits.
    /// </param>
    public static async Task LeaveThenStopAsync(ExerciseServer serve, StudentRun first, bool threaded, Func<StudentRun, Task> connect, Func<Task>? othersAfterArret = null)
    {
        await first.SayAsync(StudentTexts.Bye(first.Client));
        first.EndInput();
        await first.WaitForAsync("* goodbye 127.0.0.1");
        Assert.Equal(0, await first.FinishAsync());

        await using var next = await StudentLauncher.StartAsync(first.Client, serve.Port, threaded);
        await connect(next);
        await next.SayAsync("arret");
        next.EndInput();
        await next.WaitForAsync("* arret");
        Assert.Equal(0, await next.FinishAsync());
        if (othersAfterArret is not null)
            await othersAfterArret();
        Assert.Equal(0, await serve.WaitForExitAsync());
    }
}
