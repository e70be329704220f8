using System.Net;
using System.Text.RegularExpressions;

namespace ChatOps.Tests.Web;

/// <summary>Signs in through the real sign-in page and form, as a browser would, and keeps the cookie.</summary>
internal static partial class SignIn
{
    public static async Task<CookieContainer> WithPasswordAsync(Uri baseAddress, string password)
    {
        var cookies = new CookieContainer();
        using var response = await PostPasswordAsync(baseAddress, cookies, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return cookies;
    }

    /// <summary>Posts the sign-in form with the page's antiforgery token; redirects are not followed.</summary>
    public static async Task<HttpResponseMessage> PostPasswordAsync(Uri baseAddress, CookieContainer cookies, string password, string returnUrl = "/")
    {
        using var http = Client(baseAddress, cookies);
        return await PostFormAsync(http, "/auth/signin", new() { ["password"] = password, ["returnUrl"] = returnUrl });
    }

    /// <summary>Posts the app bar's sign-out form, with an antiforgery token made for the signed-in teacher.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(Uri baseAddress, CookieContainer cookies)
    {
        using var http = Client(baseAddress, cookies);
        return await PostFormAsync(http, "/auth/signout", []);
    }

    /// <summary>Posts a form of the site with the antiforgery token the sign-in page gives this client.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        var page = await http.GetStringAsync(new Uri("/signin", UriKind.Relative));
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    public static HttpClient Client(Uri baseAddress, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = baseAddress };

    /// <summary>A client whose connections come from <paramref name="from"/> (any 127.x address works on loopback): a student's machine.</summary>
    public static HttpClient ClientFrom(Uri baseAddress, CookieContainer cookies, IPAddress from)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(from.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
