using ChatOps.TcpEngine.Engine;
using ChatOps.Web.Clock;
using ChatOps.Web.Components.Records;
using ChatOps.Web.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>A dashboard part: renders <see cref="View"/> and re-renders when the dashboard state pushes a new one.</summary>
public abstract class DashboardComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    protected DashboardState State { get; set; } = default!;

    [Inject]
    protected ChatServer Server { get; set; } = default!;

    protected DashboardView View => State.Current;

    /// <summary>The room this page works on (the room bar's choice); the first room outside a dashboard page.</summary>
    [CascadingParameter]
    public SelectedRoom? SelectedRoom { get; set; }

    /// <summary>The selected room in this render's view.</summary>
    protected RoomView Room => View.Room(SelectedRoom?.Name);

    /// <summary>The selected room's engine, for the operator's actions.</summary>
    protected ChatEngine RoomEngine => Server.Room(Room.Name) ?? Server.Rooms[0];

    /// <summary>The zone the layout shows times in (the browser's); the server's own outside a layout.</summary>
    [CascadingParameter]
    public DisplayClock? DisplayClock { get; set; }

    protected DisplayClock Clock => DisplayClock ?? DisplayClock.Server;

    [CascadingParameter]
    public Task<AuthenticationState>? Auth { get; set; }

    /// <summary>Where this page's browser connected from (see <see cref="Records.BrowserAddress"/>).</summary>
    [CascadingParameter]
    public BrowserAddress? Browser { get; set; }

    /// <summary>The signed-in teacher's name: the engine, the history and the audit log all name them by it.</summary>
    protected Task<string> ActorAsync() => Teacher.NameAsync(Auth);

    protected string? ActorIp => Browser?.Ip;

    protected override void OnInitialized() => _subscription = State.Subscribe(() => InvokeAsync(OnViewChanged));

    /// <summary>Called on the renderer's thread after each push; the default re-renders.</summary>
    protected virtual void OnViewChanged() => StateHasChanged();

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
