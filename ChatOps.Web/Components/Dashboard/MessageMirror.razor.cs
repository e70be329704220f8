using ChatOps.History.Roster;
using ChatOps.Web.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>
/// Every line, newest at the bottom. Text is bound as plain text (never markup): students' lines are untrusted.
/// Paused, the list is frozen so the teacher can read while the class keeps typing.
/// </summary>
public sealed partial class MessageMirror
{
    private ElementReference _scroller;
    private IReadOnlyList<MirrorLine> _lines = [];
    private long _lastRendered;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ClassRoster Roster { get; set; } = default!;

    public string? Filter { get; set; }

    public bool Paused { get; private set; }

    public int NewSincePause => Paused ? View.Mirror.Count(l => l.Sequence > _lastRendered) : 0;

    public IEnumerable<MirrorLine> Visible => string.IsNullOrWhiteSpace(Filter) ? _lines : _lines.Where(Matches);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _lines = View.Mirror;
    }

    protected override void OnViewChanged()
    {
        if (!Paused)
            _lines = View.Mirror;
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var newest = _lines.Count == 0 ? 0 : _lines[^1].Sequence;
        if (Paused || newest == _lastRendered)
            return;
        _lastRendered = newest;
        try
        {
            await JS.InvokeVoidAsync("chatops.scrollToEnd", _scroller);
        }
        catch (JSDisconnectedException)
        {
            // The browser left while this render was on its way: there is nothing to scroll any more.
        }
    }

    private void TogglePause()
    {
        Paused = !Paused;
        if (!Paused)
            _lines = View.Mirror;
    }

    /// <summary>The roster's name for the line's client, looked up at render: a name typed later names earlier lines too.</summary>
    public string? NameOf(MirrorLine line) => line.ClientIp is null ? null : Roster.Find(line.ClientIp, line.ClientPort)?.Name;

    private bool Matches(MirrorLine line) =>
        line.Text.Contains(Filter!, StringComparison.OrdinalIgnoreCase) || line.Who.Contains(Filter!, StringComparison.OrdinalIgnoreCase)
        || (NameOf(line)?.Contains(Filter!, StringComparison.OrdinalIgnoreCase) ?? false);

    private static string KindClass(MirrorKind kind) => kind.ToString().ToLowerInvariant();
}
