using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatOps.Web.Auth;

/// <summary>The server's terminal, where sign-in links are printed (never in a web page: only who sits at the server reads them).</summary>
internal sealed class SignInTerminal(TextWriter screen)
{
    public async Task PrintLinkAsync(IServer server, string token)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        await screen.WriteLineAsync("New one-time sign-in link:");
        foreach (var line in SignInBanner.LinkLines(token, addresses.ToList()))
            await screen.WriteLineAsync(line);
        await screen.FlushAsync();
    }
}
