using System.CommandLine.Parsing;
using System.Globalization;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Cli.Serve;

/// <summary><c>serve --room NAME:PORT:MODE</c>: one room of <c>Chat:Rooms</c> from the command line.</summary>
internal sealed record RoomArgument(string Name, int Port, ChatMode Mode)
{
    /// <summary>Parses <c>ex1:7071:echo</c>; a wrong part is reported on <paramref name="result"/>, naming it.</summary>
    public static RoomArgument Parse(string value, ArgumentResult result)
    {
        var parts = value.Split(':');
        if (parts.Length != 3)
        {
            result.AddError($"--room {value}: expected NAME:PORT:MODE, e.g. ex1:7071:echo.");
            return new RoomArgument(value, 0, ChatMode.Relay);
        }
        if (!RoomNames.IsValid(parts[0]))
            result.AddError($"--room {value}: a room name is 1 to {RoomNames.MaxLength} letters, digits, '-' or '_'.");
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            result.AddError($"--room {value}: the port must be a number from 0 to 65535.");
        if (!Enum.TryParse<ChatMode>(parts[2], ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(parts[2], out _))
            result.AddError($"--room {value}: the mode must be one of echo, sync, async, relay.");
        return new RoomArgument(parts[0], port, mode);
    }
}
