using ChatOps.TcpEngine.Engine;
using ChatOps.Web.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatOps.Web.Hosting;

/// <summary>What the teacher reads in the terminal once everything listens: where the dashboard is, and what students type.</summary>
internal static class StartupBanner
{
    public static async Task PrintAsync(WebApplication app, TextWriter screen)
    {
        var server = app.Services.GetRequiredService<ChatServer>();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var addresses = DashboardAddresses.ForPeople(bound, ConnectHints.LanAddresses());
        foreach (var address in addresses)
            await screen.WriteLineAsync($"ChatOps dashboard: {address}");
        foreach (var line in SignInBanner.Lines(app.Services.GetRequiredService<LinkToken>(), addresses.ToList()))
            await screen.WriteLineAsync(line);
        foreach (var room in server.Rooms)
        {
            if (room.LocalEndPoint is not { } endpoint)
                continue;
            var name = server.Rooms.Count > 1 ? $"Room {room.Name}" : "Chat engine";
            await screen.WriteLineAsync($"{name}: {room.Mode.ToString().ToLowerInvariant()} mode, TCP port {endpoint.Port}. Students connect with:");
            foreach (var hint in ConnectHints.Lines(endpoint))
                await screen.WriteLineAsync($"  {hint}");
        }
        await screen.WriteLineAsync("Ctrl+C stops the server (every client gets a notice).");
    }
}
