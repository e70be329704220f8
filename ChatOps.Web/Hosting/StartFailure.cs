using System.Net.Sockets;
using ChatOps.TcpEngine.Engine;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Hosting;

/// <summary>Turns the exceptions of a failed start into the one line the teacher needs; null for real bugs.</summary>
internal static class StartFailure
{
    public static string? Describe(Exception ex) => ex switch
    {
        OptionsValidationException v => string.Join(" ", v.Failures),
        ChatEngineStartException s => s.Message,
        IOException { InnerException: AddressInUseException } io => $"{io.Message} Is ChatOps already running? Choose another address with --urls.",
        IOException { InnerException: SocketException } io => io.Message,
        // The configuration binder's message names the key and the value (e.g. an unknown Chat:Mode).
        InvalidOperationException i when i.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase) => i.Message,
        _ => null,
    };
}
