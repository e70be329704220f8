using System.Net;
using ChatOps.Web.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Web;

public sealed class ConnectHintsCacheTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly IPEndPoint _endpoint = new(IPAddress.Loopback, 7070);
    private int _made;

    private ConnectHintsCache Cache() => new(_time, e =>
    {
        _made++;
        return [$"nc {e.Address} {e.Port} ({_made})"];
    });

    [Fact]
    public void Pushes_reuse_the_hints_instead_of_enumerating_the_interfaces_each_time()
    {
        var cache = Cache();

        var first = cache.For(_endpoint);
        for (var push = 0; push < 100; push++)
            Assert.Same(first, cache.For(new IPEndPoint(IPAddress.Loopback, 7070)));

        Assert.Equal(1, _made);
    }

    [Fact]
    public void The_hints_are_made_again_after_their_lifetime_or_for_another_endpoint()
    {
        var cache = Cache();
        cache.For(_endpoint);

        _time.Advance(ConnectHintsCache.Lifetime);
        Assert.Equal(["nc 127.0.0.1 7070 (2)"], cache.For(_endpoint));
        Assert.Equal(["nc 127.0.0.1 7071 (3)"], cache.For(new IPEndPoint(IPAddress.Loopback, 7071)));
        Assert.Empty(cache.For(null));
    }

    [Fact]
    public void Each_rooms_endpoint_keeps_its_own_hints_while_the_dashboard_pushes_them_in_turn()
    {
        var cache = Cache();
        var other = new IPEndPoint(IPAddress.Loopback, 7071);

        for (var push = 0; push < 50; push++)
        {
            Assert.Equal(["nc 127.0.0.1 7070 (1)"], cache.For(_endpoint));
            Assert.Equal(["nc 127.0.0.1 7071 (2)"], cache.For(other));
        }

        Assert.Equal(2, _made);
    }
}
