using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>The teacher's keyboard: to everyone, to the selected client, or (sync mode) the reply to the pending line.</summary>
public sealed partial class OperatorBox
{
    [Parameter]
    public long? SelectedId { get; set; }

    [Parameter]
    public OperatorTarget? Target { get; set; }

    [Parameter]
    public EventCallback<OperatorTarget?> TargetChanged { get; set; }

    public string? Text { get; set; }

    public string? Feedback { get; private set; }

    public bool FeedbackIsError { get; private set; }

    /// <summary>The chosen target when the current mode offers it, else the mode's natural one.</summary>
    public OperatorTarget EffectiveTarget =>
        Target is { } t && OperatorTargets.For(Room.Mode).Contains(t) ? t : OperatorTargets.For(Room.Mode)[0];

    private string TargetLabel(OperatorTarget target) =>
        target == OperatorTarget.Selected && View.Session(SelectedId) is { } s ? $"{s.Ip}:{s.Port}" : OperatorTargets.Label(target, L);

    private Task SetTargetAsync(OperatorTarget target)
    {
        Target = target;
        return TargetChanged.InvokeAsync(target);
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
            await SendAsync();
    }

    private async Task SendAsync()
    {
        if (string.IsNullOrWhiteSpace(Text))
            return;
        var problem = Send(Text, await ActorAsync());
        FeedbackIsError = problem is not null;
        Feedback = problem ?? L["Operator.SentTo", OperatorTargets.Label(EffectiveTarget, L)];
        if (problem is null)
            Text = null;
        State.Refresh();
    }

    /// <summary>Returns why the line went nowhere, or null when it was sent.</summary>
    private string? Send(string text, string who)
    {
        switch (EffectiveTarget)
        {
            case OperatorTarget.Reply:
                return RoomEngine.TryReply(text, who, out _) ? null : L["Operator.NoServed"].Value;
            case OperatorTarget.Served:
                var served = View.Sessions.FirstOrDefault(s => s.Room == Room.Name && s.Serving == ServingState.Served);
                return served is not null && RoomEngine.SendTo(served.Id, text, who) ? null : L["Operator.NoServed"].Value;
            case OperatorTarget.Selected:
                if (SelectedId is not { } id)
                    return L["Operator.SelectFirst"].Value;
                return Server.RoomOf(id)?.SendTo(id, text, who) == true ? null : L["Operator.Gone"].Value;
            default:
                return RoomEngine.Broadcast(text, who) > 0 ? null : L["Operator.NoClient"].Value;
        }
    }
}
