using System.Collections.Concurrent;
using System.Net;
using ChatOps.TcpEngine.Naming;

namespace ChatOps.Tests.Support;

/// <summary>Names by address and port, as a roster gives them; counts how often the engine asked.</summary>
internal sealed class FakeNames : IClientNames
{
    private readonly ConcurrentDictionary<(string Ip, int Port), string> _names = new();
    private long _version;
    private int _lookups;

    public long Version => Interlocked.Read(ref _version);

    public int Lookups => Volatile.Read(ref _lookups);

    public string? NameOf(IPAddress address, int port)
    {
        Interlocked.Increment(ref _lookups);
        return _names.GetValueOrDefault((address.ToString(), port));
    }

    public void Set(IPEndPoint client, string? name)
    {
        if (name is null)
            _names.TryRemove((client.Address.ToString(), client.Port), out _);
        else
            _names[(client.Address.ToString(), client.Port)] = name;
        Interlocked.Increment(ref _version);
    }
}
