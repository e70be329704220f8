namespace ChatOps.Tests.Support;

/// <summary>
/// For the few states no event announces (bytes held without a newline, a count going back down after resets):
/// checks the condition often until it holds, and fails after a bounded wait.
/// </summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? LineReader.DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what}: still false after {limit.TotalSeconds} s");
            await Task.Delay(10);
        }
    }
}
