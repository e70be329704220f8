using Bunit;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;

namespace ChatOps.Tests.Web;

/// <summary>Students share the network: whatever they send is shown as text, never interpreted as markup.</summary>
public sealed class MarkupInjectionTests : DashboardTest
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b>";
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    [Fact]
    public async Task The_message_mirror_shows_an_html_payload_as_text()
    {
        var mirror = Render<MessageMirror>();
        await using var client = await ConnectAsync();
        await client.SendLineAsync(Payload);

        mirror.WaitForAssertion(() => Assert.Contains(Payload, mirror.FindAll(".mirror-line .text").Select(e => e.TextContent)), Timeout);
        AssertNoInjectedElements(mirror);
    }

    [Fact]
    public async Task The_client_details_show_an_html_payload_as_text()
    {
        await using var client = await ConnectAsync();
        var details = Render<ClientDetails>(p => p.Add(c => c.SessionId, SessionIdOf(client)));
        await client.SendLineAsync(Payload);

        details.WaitForAssertion(() => Assert.Contains(Payload, details.Markup.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&#39;", "'", StringComparison.Ordinal), StringComparison.Ordinal), Timeout);
        AssertNoInjectedElements(details);
    }

    private static void AssertNoInjectedElements(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> component)
    {
        Assert.Empty(component.FindAll("script"));
        Assert.Empty(component.FindAll("img[onerror]"));
        Assert.DoesNotContain(component.FindAll("b"), b => b.TextContent == "bold");
    }
}
