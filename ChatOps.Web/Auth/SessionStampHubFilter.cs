using Microsoft.AspNetCore.SignalR;

namespace ChatOps.Web.Auth;

/// <summary>
/// Closes hub connections whose sign-in has ended, at once. Registered for every hub, so it covers both the ChatOps hub
/// and Blazor's own (each dashboard tab's circuit talks through one): a tab left open after sign-out loses its circuit
/// and can no longer broadcast, kick or stop the lab. A connection is checked when it opens and at each call (refused
/// at once after a sign-out), and aborted <see cref="Grace"/> after the stamp it opened with is revoked.
/// </summary>
internal sealed class SessionStampHubFilter(SessionStamp stamp) : IHubFilter
{
    /// <summary>
    /// Time for an honest tab to receive its way to the sign-in page (<c>SignInWatch</c>) before its circuit goes; its
    /// calls are refused meanwhile, so the grace gives nothing to a dishonest one.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private static readonly object RegistrationKey = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var ended = stamp.Ended(context.Context.User);
        if (ended.IsCancellationRequested)
            throw new HubException("The sign-in has ended.");
        var connection = context.Context;
        context.Context.Items[RegistrationKey] = ended.Register(static c => AbortAfterGrace((HubCallerContext)c!), connection);
        await next(context);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // Refused, not aborted at once: a dashboard tab acknowledges every render batch with a call, and aborting on the
        // first one would cut the circuit before SignInWatch's navigation to the sign-in page reaches the browser.
        if (!stamp.IsCurrent(invocationContext.Context.User))
            throw new HubException("The sign-in has ended.");
        return next(invocationContext);
    }

    private static void AbortAfterGrace(HubCallerContext connection) =>
        Task.Delay(Grace).ContinueWith(_ => connection.Abort(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.Remove(RegistrationKey, out var registration) && registration is CancellationTokenRegistration r)
            r.Dispose();
        return next(context, exception);
    }
}
