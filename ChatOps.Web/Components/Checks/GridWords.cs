using ChatOps.Web.Checks;
using Microsoft.Extensions.Localization;

namespace ChatOps.Web.Components.Checks;

/// <summary>The grid's words for a row's state, in the page's language (the row's data-state stays the enum's name).</summary>
internal static class GridWords
{
    public static string State(RowState state, IStringLocalizer text) => state switch
    {
        RowState.Idle => text["Checks.State.Idle"],
        RowState.Queued => text["Checks.State.Queued"],
        RowState.Running => text["Checks.State.Running"],
        RowState.Done => text["Checks.State.Done"],
        RowState.Cancelled => text["Checks.State.Cancelled"],
        RowState.Failed => text["Checks.State.Failed"],
        _ => state.ToString().ToLowerInvariant(),
    };
}
