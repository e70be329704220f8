using System.Net;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Auth;

/// <summary>
/// Wrong passwords (and link tokens) cost waiting, per address and for all addresses together. Each address has
/// <see cref="AdminOptions.SignInAttemptsPerMinute"/> free failures, then waits a minute, doubled at each further failure
/// (at most an hour). All addresses together have <see cref="AdminOptions.SignInFailuresAllAddresses"/>, then wait a
/// second, doubled likewise (at most five minutes): forty borrowed addresses guess no faster than one. The server's
/// own addresses (127.0.0.1, ::1) are spared the shared wait, so students who keep failing cannot lock the teacher out
/// of the machine they sit at. A success clears its address; counts are forgotten after an hour without failures. While
/// an address waits, nothing is checked: even the right password is refused.
/// </summary>
internal sealed class SignInThrottle(IOptions<AdminOptions> options, TimeProvider time)
{
    public static readonly TimeSpan AddressFirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan AddressLongestWait = TimeSpan.FromHours(1);
    public static readonly TimeSpan SharedFirstWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan SharedLongestWait = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    // Bounds the memory a spray of (IPv6) addresses can take; beyond it, forgotten counts are dropped first.
    private const int MaxAddresses = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Count> _addresses = [];
    private Count _shared = Count.None;

    /// <summary>How long <paramref name="address"/> must still wait before its next attempt is checked; zero if it need not.</summary>
    public TimeSpan WaitFor(IPAddress? address)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var own = _addresses.TryGetValue(Key(address), out var count) ? count.LockedUntil - now : TimeSpan.Zero;
            var shared = ServerMachine.IsSelf(address) ? TimeSpan.Zero : _shared.LockedUntil - now;
            var wait = own > shared ? own : shared;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    public void Failed(IPAddress? address)
    {
        var now = time.GetUtcNow();
        var limits = options.Value;
        lock (_gate)
        {
            var key = Key(address);
            if (_addresses.Count >= MaxAddresses)
                Forget(now);
            var own = _addresses.TryGetValue(key, out var count) ? count : Count.None;
            _addresses[key] = own.Fail(now, limits.SignInAttemptsPerMinute, AddressFirstWait, AddressLongestWait);
            if (!ServerMachine.IsSelf(address))
                _shared = _shared.Fail(now, limits.SignInFailuresAllAddresses, SharedFirstWait, SharedLongestWait);
        }
    }

    public void Succeeded(IPAddress? address)
    {
        lock (_gate)
            _addresses.Remove(Key(address));
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, count) in _addresses.Where(a => a.Value.IsForgotten(now)).ToList())
            _addresses.Remove(key);
        // Still full: every entry is recent, a spray in progress; the oldest go (the shared count still holds them).
        if (_addresses.Count >= MaxAddresses)
        {
            foreach (var key in _addresses.OrderBy(a => a.Value.LastFailure).Take(MaxAddresses / 10).Select(a => a.Key).ToList())
                _addresses.Remove(key);
        }
    }

    // One IPv6 machine usually holds a whole /64: counting per address would give it billions of free tries.
    private static string Key(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private readonly record struct Count(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil)
    {
        public static Count None => new(0, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

        public bool IsForgotten(DateTimeOffset now) => now - LastFailure >= ForgetAfter && now >= LockedUntil;

        public Count Fail(DateTimeOffset now, int free, TimeSpan firstWait, TimeSpan longestWait)
        {
            var failures = (IsForgotten(now) ? 0 : Failures) + 1;
            if (failures < free)
                return new Count(failures, now, LockedUntil);
            // The free-th failure waits firstWait, each one after it twice the one before.
            var doublings = Math.Min(failures - free, 20);
            var wait = TimeSpan.FromTicks(Math.Min(firstWait.Ticks << doublings, longestWait.Ticks));
            return new Count(failures, now, now + wait);
        }
    }
}
