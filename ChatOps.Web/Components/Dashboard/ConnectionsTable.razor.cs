using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Sessions;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>The live table of connected clients; selecting a row drives the details panel and the operator box.</summary>
public sealed partial class ConnectionsTable
{
    [Inject]
    private ChatEngine Engine { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public long? SelectedId { get; set; }

    [Parameter]
    public EventCallback<long?> SelectedIdChanged { get; set; }

    /// <summary>The row's message button: the page points the operator box at that client.</summary>
    [Parameter]
    public EventCallback<long> OnMessage { get; set; }

    private string RowClass(SessionSnapshot s) => s.Id == SelectedId ? "session-row selected" : "session-row";

    private Task SelectAsync(long id) => SelectedIdChanged.InvokeAsync(id == SelectedId ? null : id);

    private async Task MessageAsync(long id)
    {
        await SelectedIdChanged.InvokeAsync(id);
        await OnMessage.InvokeAsync(id);
    }

    private void Kick(SessionSnapshot s)
    {
        if (Engine.Kick(s.Id))
            Snackbar.Add($"{s.Ip}:{s.Port} disconnected", Severity.Info);
    }
}
