using System.Globalization;
using ChatOps.History.Roster;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Components.Records;
using ChatOps.Web.Records;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>
/// The live table of connected clients, sortable and filtered, grouped by room when the host has several; selecting a
/// row drives the details panel and the operator box.
/// </summary>
public sealed partial class ConnectionsTable
{
    // Header columns: IP, name, port, since, in, out, last activity, diagnostics, actions (a group header spans them all).
    private const int Columns = 9;

    private ConnectionsQuery _query = new();
    private ConnectionSort _byName = ConnectionSorts.Ip;

    [Inject]
    private ClassRoster Roster { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private Moderation Moderation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter]
    public long? SelectedId { get; set; }

    [Parameter]
    public EventCallback<long?> SelectedIdChanged { get; set; }

    /// <summary>The row's message button: the page points the operator box at that client.</summary>
    [Parameter]
    public EventCallback<long> OnMessage { get; set; }

    /// <summary>The filter box's text: rows whose address, port or student's name contains it, ignoring case.</summary>
    public string? Filter
    {
        get => _query.Filter;
        set => _query.Filter = value;
    }

    // "3", or "2 / 3" while a filter hides some rows.
    private string CountText => _query.IsFiltering
        ? $"{View.Sessions.Count(_query.Matches).ToString(CultureInfo.InvariantCulture)} / {View.ClientCount.ToString(CultureInfo.InvariantCulture)}"
        : View.ClientCount.ToString(CultureInfo.InvariantCulture);

    // The roster's name of a row (by its port, else its address); rows without one sort after the named ones, by address.
    protected override void OnInitialized()
    {
        base.OnInitialized();
        _byName = new ConnectionSort("name", (a, b) =>
        {
            var (x, y) = (NameOf(a), NameOf(b));
            if (x is null || y is null)
                return x is null && y is null ? ConnectionSorts.Ip.Compare(a, b) : x is null ? 1 : -1;
            return CultureInfo.CurrentCulture.CompareInfo.Compare(x, y, CompareOptions.IgnoreCase); // the teacher's alphabet: é beside e
        });
        _query = new ConnectionsQuery { SearchFields = [.. ConnectionsQuery.AddressFields, NameOf] };
    }

    private string? NameOf(SessionSnapshot s) => Roster.Find(s.Ip, s.Port)?.Name;

    private void SortBy(ConnectionSort sort) => _query.SortBy(sort);

    private string RowClass(SessionSnapshot s) => s.Id == SelectedId ? "session-row selected" : "session-row";

    private string Ago(DateTimeOffset at) =>
        View.Now - at < TimeSpan.FromSeconds(1) ? L["Time.Now"] : L["Time.Ago", Format.Duration(View.Now - at)];

    private Task SelectAsync(long id) => SelectedIdChanged.InvokeAsync(id == SelectedId ? null : id);

    private async Task MessageAsync(long id)
    {
        await SelectedIdChanged.InvokeAsync(id);
        await OnMessage.InvokeAsync(id);
    }

    private async Task KickAsync(SessionSnapshot s)
    {
        if (await Moderation.KickAsync(s.Id, await ActorAsync(), ActorIp))
            Snackbar.Add(L["Connections.Kicked", $"{s.Ip}:{s.Port}"], Severity.Info);
    }

    private async Task BanAsync(string ip)
    {
        var parameters = new DialogParameters<BanDialog> { { d => d.Ip, ip } };
        var dialog = await Dialogs.ShowAsync<BanDialog>(L["Ban.Title", ip], parameters);
        if (await dialog.Result is not { Canceled: false, Data: BanRequest request })
            return;
        var kicked = await Moderation.BanAsync(ip, request.Duration, await ActorAsync(), request.Reason, ActorIp);
        Snackbar.Add(L["Ban.Done", ip, kicked], Severity.Warning);
    }
}
