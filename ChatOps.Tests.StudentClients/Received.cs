using System.Text;

namespace ChatOps.Tests.StudentClients;

/// <summary>Prints each line read as <c>&lt; TEXT\n</c> (escaped), then <c>closed</c>; every read is bounded.</summary>
internal sealed class Received(StreamReader reader, TimeSpan timeout)
{
    private static readonly Stream Out = Console.OpenStandardOutput();

    /// <summary>False when the server closed the connection; throws <see cref="TimeoutException"/> after the timeout.</summary>
    public async Task<bool> OneAsync()
    {
        using var cts = new CancellationTokenSource(timeout);
        string? line;
        try
        {
            line = await reader.ReadLineAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("timed out waiting for the server");
        }
        Print(line is null ? "closed" : "< " + Escape(line + "\n"));
        return line is not null;
    }

    public async Task<int> UntilClosedAsync()
    {
        try
        {
            while (await OneAsync())
            {
                // keep printing
            }
            return 0;
        }
        catch (TimeoutException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 3;
        }
    }

    private static void Print(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (Out)
        {
            Out.Write(bytes);
            Out.Flush();
        }
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\r' => escaped.Append(@"\r"),
                '\n' => escaped.Append(@"\n"),
                '\0' => escaped.Append(@"\0"),
                < ' ' or '\x7F' => escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }
}
