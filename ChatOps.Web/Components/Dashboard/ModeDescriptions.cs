using ChatOps.TcpEngine;
using ChatOps.Web.Localization;
using Microsoft.Extensions.Localization;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>One sentence per mode saying which exercise of the lab it plays.</summary>
internal static class ModeDescriptions
{
    public static IReadOnlyList<ChatMode> All { get; } = [ChatMode.Echo, ChatMode.Sync, ChatMode.Async, ChatMode.Relay];

    public static string Of(ChatMode mode, IStringLocalizer<UiText> text) => mode switch
    {
        ChatMode.Echo or ChatMode.Sync or ChatMode.Async or ChatMode.Relay => text[$"Mode.{mode}"],
        _ => mode.ToString(),
    };
}
