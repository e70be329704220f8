using ChatOps.TcpEngine;
using ChatOps.Web.Localization;
using Microsoft.Extensions.Localization;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>Where the operator box sends a line.</summary>
public enum OperatorTarget
{
    /// <summary>Sync mode: the answer to the served client's oldest unanswered line.</summary>
    Reply,

    /// <summary>Async mode: the client being served.</summary>
    Served,

    All,
    Selected,
}

internal static class OperatorTargets
{
    public static IReadOnlyList<OperatorTarget> For(ChatMode mode) => mode switch
    {
        ChatMode.Sync => [OperatorTarget.Reply, OperatorTarget.All, OperatorTarget.Selected],
        ChatMode.Async => [OperatorTarget.Served, OperatorTarget.All, OperatorTarget.Selected],
        _ => [OperatorTarget.All, OperatorTarget.Selected],
    };

    public static string Label(OperatorTarget target, IStringLocalizer<UiText> text) => text[$"Operator.Target.{target}"];
}
