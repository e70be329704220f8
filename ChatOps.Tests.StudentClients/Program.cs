using System.Net.Sockets;
using System.Text;
using ChatOps.Tests.StudentClients;

// usage: ChatOps.Tests.StudentClients utf8|unicode HOST PORT [--threaded]
// The C# student's client: a StreamWriter over the socket with Encoding.UTF8 (which writes a BOM first) or
// Encoding.Unicode (UTF-16 LE, BOM first), WriteLine + Flush per message, and a StreamReader of the same encoding.
// Messages come from standard input, one a line. Without --threaded each WriteLine is followed by exactly one ReadLine
// (the synchronous exercise); with it a task prints every line while the main loop sends. Each line read is printed as
// "< TEXT\n", then "closed". After bye or arret it reads until the server closes.
// Exit code 0 when the server closed, 3 when a read timed out (10 s).
var encoding = args[0] == "unicode" ? Encoding.Unicode : Encoding.UTF8;
var threaded = args.Length > 3 && args[3] == "--threaded";

using var client = new TcpClient();
await client.ConnectAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
using var stream = client.GetStream();
using var writer = new StreamWriter(stream, encoding);
using var reader = new StreamReader(stream, encoding);
using var keyboard = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
var received = new Received(reader, TimeSpan.FromSeconds(10));

var reading = threaded ? Task.Run(received.UntilClosedAsync) : null;
while (await keyboard.ReadLineAsync() is { } message)
{
    await writer.WriteLineAsync(message);
    await writer.FlushAsync();
    if (message is "bye" or "arret")
        break;
    if (!threaded && !await received.OneAsync())
        return 0;
}
return await (reading ?? received.UntilClosedAsync());
