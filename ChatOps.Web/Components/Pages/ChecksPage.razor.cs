using ChatOps.Web.Checks;
using ChatOps.Web.Components.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChatOps.Web.Components.Pages;

/// <summary>The Checks page: the class's servers, a run of all or one of them, the live grid and the exports.</summary>
public sealed partial class ChecksPage : IDisposable
{
    private GridSelection? _selected;

    [Inject]
    private GradingBoard Board { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    private IReadOnlyList<string> Columns => GradingColumns.For(Board.Rows.Select(r => r.Target.Exercise));

    private List<long> StoredRuns => [.. Board.Rows.Where(r => r.RunId is not null && !r.IsActive).Select(r => r.RunId!.Value)];

    private GradingRow? SelectedRow => _selected is { } s ? Board.Rows.FirstOrDefault(r => r.Key == s.Key) : null;

    public void Dispose() => Board.Changed -= OnChanged;

    protected override void OnInitialized() => Board.Changed += OnChanged;

    // Results come from the runs' threads: the render goes through the circuit's dispatcher.
    private void OnChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task RunAllAsync() => await Board.RunAllAsync(await Teacher.NameAsync(Auth));

    private async Task RunOneAsync(int key) => await Board.RunAsync([key], await Teacher.NameAsync(Auth));
}
