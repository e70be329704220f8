using System.Net;
using Microsoft.Extensions.Options;

namespace ChatOps.TcpEngine.Options;

/// <summary>Rejects wrong values at start with one line that names the key, instead of failing later on a socket.</summary>
public sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(ChatOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        const string s = ChatOptions.SectionName;
        if (o.Port is < 0 or > 65535)
            yield return $"{s}:Port must be between 0 and 65535 (got {o.Port}).";
        if (!BindAddresses.TryParse(o.BindAddress, out _))
            yield return $"{s}:BindAddress must be an IP address or * (got '{o.BindAddress}').";
        if (!Enum.IsDefined(o.Mode))
            yield return $"{s}:Mode must be one of echo, sync, async, relay (got '{o.Mode}').";
        if (!Enum.IsDefined(o.Language))
            yield return $"{s}:Language must be one of fr, en (got '{o.Language}').";
        foreach (var (key, value, min) in Positives(o))
        {
            if (value < min)
                yield return $"{s}:{key} must be at least {min} (got {value}).";
        }
        if (o.AnnounceJoinsUpTo < 0)
            yield return $"{s}:AnnounceJoinsUpTo must be 0 or more (got {o.AnnounceJoinsUpTo}).";
        if (!Enum.IsDefined(o.Framing))
            yield return $"{s}:Framing must be one of auto, lines, messages (got '{o.Framing}').";
        if (o.MessageGap < TimeSpan.FromMilliseconds(10) || o.MessageGap > TimeSpan.FromSeconds(10))
            yield return $"{s}:MessageGap must be between 00:00:00.010 and 00:00:10 (got {o.MessageGap}).";
        if (o.FirstLinesWait < TimeSpan.Zero || o.FirstLinesWait > TimeSpan.FromSeconds(30))
            yield return $"{s}:FirstLinesWait must be between 00:00:00 and 00:00:30 (got {o.FirstLinesWait}).";
        if (o.StalledReaderTimeout < TimeSpan.FromMilliseconds(100) || o.StalledReaderTimeout > TimeSpan.FromMinutes(10))
            yield return $"{s}:StalledReaderTimeout must be between 00:00:00.100 and 00:10:00 (got {o.StalledReaderTimeout}).";
        if (o.CloseTimeout <= TimeSpan.Zero)
            yield return $"{s}:CloseTimeout must be positive (got {o.CloseTimeout}).";
        foreach (var (key, value) in new[] { (nameof(o.IdleTimeout), o.IdleTimeout), (nameof(o.ReplaceIdleAfter), o.ReplaceIdleAfter), (nameof(o.LineTimeout), o.LineTimeout) })
        {
            // Task.Delay and timers refuse more than 49.7 days; a day is more than any lab.
            if (value < TimeSpan.Zero || value > TimeSpan.FromDays(1))
                yield return $"{s}:{key} must be between 00:00:00 (off) and 1.00:00:00 (got {value}).";
        }
        if (!Enum.IsDefined(o.ArretScope))
            yield return $"{s}:ArretScope must be one of room, server (got '{o.ArretScope}').";
        if (!Options.AutoReply.TryParse(o.AutoReply, out _))
            yield return $"{s}:AutoReply must be off, echo or text:<reply> (got '{o.AutoReply}').";
        if (!RelayPrefixes.TryParse(o.RelayPrefix, out _))
            yield return $"{s}:RelayPrefix must be one of {RelayPrefixes.Words} (got '{o.RelayPrefix}').";
        foreach (var error in RoomErrors(o))
            yield return error;
        for (var i = 0; i < o.TrustedProxies.Count; i++)
        {
            if (!ProxyProtocol.TrustedProxies.TryParse(o.TrustedProxies[i], out _))
                yield return ProxyProtocol.TrustedProxies.Error(i, o.TrustedProxies[i]);
        }
        if (o.ProxyHeaderTimeout < TimeSpan.FromSeconds(1) || o.ProxyHeaderTimeout > TimeSpan.FromMinutes(1))
            yield return $"{s}:ProxyHeaderTimeout must be between 00:00:01 and 00:01:00 (got {o.ProxyHeaderTimeout}).";
    }

    private static IEnumerable<string> RoomErrors(ChatOptions o)
    {
        const string s = ChatOptions.SectionName;
        var ports = new Dictionary<int, string>();
        foreach (var (name, room) in o.Rooms)
        {
            var key = $"{s}:Rooms:{name}";
            if (!RoomNames.IsValid(name))
                yield return $"{key}: a room name is 1 to {RoomNames.MaxLength} letters, digits, '-' or '_' (got '{name}').";
            if (room.Port is < 0 or > 65535)
                yield return $"{key}:Port must be set, between 0 and 65535 (got {(room.Port < 0 ? "nothing" : room.Port)}).";
            else if (room.Port != 0 && !ports.TryAdd(room.Port, name))
                yield return $"{key}:Port {room.Port} is already the port of room {ports[room.Port]}.";
            if (room.Mode is { } mode && !Enum.IsDefined(mode))
                yield return $"{key}:Mode must be one of echo, sync, async, relay (got '{mode}').";
            if (room.AutoReply is { } reply && !Options.AutoReply.TryParse(reply, out _))
                yield return $"{key}:AutoReply must be off, echo or text:<reply> (got '{reply}').";
        }
    }

    private static IEnumerable<(string Key, int Value, int Min)> Positives(ChatOptions o) =>
    [
        (nameof(o.MaxLineBytes), o.MaxLineBytes, 16),
        (nameof(o.MaxLinesPerSecond), o.MaxLinesPerSecond, 1),
        (nameof(o.LineBurst), o.LineBurst, 1),
        (nameof(o.FloodDisconnectAfter), o.FloodDisconnectAfter, 1),
        (nameof(o.MaxQueuedBytes), o.MaxQueuedBytes, 4096),
        (nameof(o.MaxClients), o.MaxClients, 1),
        (nameof(o.MaxClientsPerIp), o.MaxClientsPerIp, 1),
        (nameof(o.MaxHeldLines), o.MaxHeldLines, 1),
        (nameof(o.AnnouncementsPerAddressPerMinute), o.AnnouncementsPerAddressPerMinute, 1),
    ];
}

/// <summary>Parses <see cref="ChatOptions.BindAddress"/>: <c>*</c> means every interface.</summary>
public static class BindAddresses
{
    public static bool TryParse(string? value, out IPAddress address)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() is "*" or "+")
        {
            address = IPAddress.IPv6Any;
            return true;
        }
        return IPAddress.TryParse(value.Trim(), out address!);
    }
}
