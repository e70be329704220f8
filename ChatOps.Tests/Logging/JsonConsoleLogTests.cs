using System.Text.Json;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.Logging;

/// <summary>The web host as a real process with <c>Logging:Console:FormatterName=json</c>: one JSON object a log line, with its event ID.</summary>
public sealed class JsonConsoleLogTests
{
    [Fact]
    public async Task The_json_formatter_writes_each_log_line_as_json_with_its_event_id()
    {
        var data = Path.Combine(Path.GetTempPath(), "chatops-json-log-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = CliProcess.StartProgram("dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "ChatOps.Web.dll"), "--urls", "http://127.0.0.1:0", "--Chat:Port=0",
                "--Chat:BindAddress=127.0.0.1", $"--Data:Path={data}", "--Admin:Password=correct horse battery",
                "--Logging:Console:FormatterName=json",
            ]);

            // EngineLog.Listening, event 1001: the engine's first line.
            var line = await host.WaitForLineAsync(l => l.StartsWith('{') && l.Contains("\"EventId\":1001", StringComparison.Ordinal));

            using var json = JsonDocument.Parse(line);
            Assert.Equal(1001, json.RootElement.GetProperty("EventId").GetInt32());
            Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
            Assert.Equal("ChatOps.TcpEngine.Engine.ChatEngine", json.RootElement.GetProperty("Category").GetString());
            Assert.StartsWith("Chat engine listening on 127.0.0.1:", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.Equal("relay", json.RootElement.GetProperty("State").GetProperty("Mode").GetString(), ignoreCase: true);
        }
        finally
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }
}
