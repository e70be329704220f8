namespace ChatOps.Web.Hubs;

/// <summary>What hub clients (a projector view, a script, a second screen) receive.</summary>
public interface IChatOpsClient
{
    /// <summary>Every engine event, in order, flattened for any SignalR client.</summary>
    Task EngineEvent(HubEvent e);
}
