namespace ChatOps.Web.Hubs;

/// <summary>What hub clients (a projector view, a script, a second screen) receive.</summary>
public interface IChatOpsClient
{
    /// <summary>
    /// Every engine event, in order, in batches: one message carries what was queued when it left (at most
    /// <see cref="HubEventForwarder.MaxEventsPerMessage"/> events), so a single event goes out at once and a burst costs
    /// a few messages instead of one per event.
    /// </summary>
    Task EngineEvents(IReadOnlyList<HubEvent> events);
}
