using System.Net;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using ChatOps.Web.Auth;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>
/// A sign-in ends for good: at sign-out (everywhere, captured copies of the cookie included) and at a restart. Each test
/// has a host of its own, since a sign-out ends every sign-in of its host.
/// </summary>
public sealed class SignOutTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_captured_before_sign_out_no_longer_opens_the_dashboard()
    {
        await using var factory = new ChatOpsWebFactory();
        var baseAddress = Start(factory);
        var cookies = await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password);
        var captured = cookies.GetCookieHeader(baseAddress);
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(baseAddress, captured));

        using (var signOut = await SignIn.SignOutAsync(baseAddress, cookies))
            Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(baseAddress, captured));
    }

    [Fact]
    public async Task Sign_out_without_its_antiforgery_token_is_refused_and_the_sign_in_lasts()
    {
        await using var factory = new ChatOpsWebFactory();
        var baseAddress = Start(factory);
        var cookies = await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password);
        using var http = SignIn.Client(baseAddress, cookies);

        using (var forged = await http.PostAsync(new Uri("/auth/signout", UriKind.Relative), new FormUrlEncodedContent([]), Ct))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var home = await http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_is_closed_when_its_sign_in_ends()
    {
        await using var factory = new ChatOpsWebFactory();
        var baseAddress = Start(factory);
        var cookies = await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, ChatOpsHub.Path), o => o.Cookies = cookies).Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync(Ct);
        var engine = factory.Services.GetRequiredService<ChatServer>().Rooms[0];
        await using var student = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!);
        await student.ReadUntilAsync(l => l.StartsWith("* ", StringComparison.Ordinal));

        using (var signOut = await SignIn.SignOutAsync(baseAddress, cookies))
            Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);

        // Refused at once, before the connection is closed.
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<int>(nameof(ChatOpsHub.Broadcast), "after sign-out", Ct));
        engine.Broadcast("marker", "test");
        Assert.Equal("[server] marker", await student.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)));
        await closed.Task.WaitAsync(LineReader.DefaultTimeout, Ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task A_restart_with_a_new_password_refuses_earlier_cookies_and_keys_stay_in_the_data_folder()
    {
        var data = Path.Combine(Path.GetTempPath(), "chatops-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            string captured;
            Uri firstAddress;
            await using (var first = new ChatOpsWebFactory(new Dictionary<string, string?> { ["Data:Path"] = data }))
            {
                firstAddress = Start(first);
                captured = (await SignIn.WithPasswordAsync(firstAddress, ChatOpsWebFactory.Password)).GetCookieHeader(firstAddress);
                Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(firstAddress, captured));
            }
            // The keys that read the cookie are the data folder's, not the user profile's: the restarted host can read it...
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, AuthServiceCollectionExtensions.KeysFolder), "key-*.xml"));

            await using var second = new ChatOpsWebFactory(new Dictionary<string, string?>
            {
                ["Data:Path"] = data,
                ["Admin:Password"] = "a brand new password",
            });
            var secondAddress = Start(second);
            // ... and still refuses it: the sign-in it carries belongs to the previous start.
            Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(secondAddress, captured));
            using (var oldPassword = await SignIn.PostPasswordAsync(secondAddress, new CookieContainer(), ChatOpsWebFactory.Password))
                Assert.StartsWith("/signin?error=wrong", oldPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
            var cookies = new CookieContainer();
            using var signIn = await SignIn.PostPasswordAsync(secondAddress, cookies, "a brand new password");
            Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        }
        finally
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> StatusWithCookieAsync(Uri baseAddress, string cookieHeader)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static Uri Start(ChatOpsWebFactory factory)
    {
        factory.StartServer();
        return new Uri(factory.ServerAddress());
    }
}
