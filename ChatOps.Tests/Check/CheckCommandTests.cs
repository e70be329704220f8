using System.Globalization;
using System.Text.Json;
using ChatOps.Grading;
using ChatOps.TcpEngine;
using ChatOps.Tests.Cli;

namespace ChatOps.Tests.Check;

/// <summary><c>chatops check</c> as a real process: exit code, table, JSON, transcript files, one-line errors.</summary>
public sealed class CheckCommandTests
{
    private static readonly TimeSpan RunWait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_correct_server_is_a_table_of_PASS_exit_code_0_and_a_transcript_file_per_check_that_ran()
    {
        await using var server = await StudentServer.StartAsync("echo.py");
        var folder = Directory.CreateTempSubdirectory("chatops-check-").FullName;
        try
        {
            await using var check = CliProcess.Start("check", "127.0.0.1", Port(server), "--exercise", "echo", "--timeout", "2s", "--transcript", folder);
            Assert.Equal(0, await check.WaitForExitAsync(RunWait));

            var lines = check.StdoutSoFar.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal($"chatops check 127.0.0.1:{server.Port}, exercise echo", lines[0]);
            Assert.Matches(@"^check\s+result\s+ms\s+reason$", lines[1]);
            var names = CheckPlan.Names(ChatMode.Echo);
            for (var i = 0; i < names.Count; i++)
                Assert.Matches($@"^{names[i]}\s+{(names[i] == "arret" ? "SKIP" : "PASS")}\s+\S", lines[2 + i]);
            Assert.Equal("8 passed, 0 failed, 1 skipped", lines[^1]);

            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(names.Take(8).Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1:D2}-{n}.txt")), files);
            var echo = await File.ReadAllTextAsync(Path.Combine(folder, "02-echo.txt"), Xunit.TestContext.Current.CancellationToken);
            Assert.StartsWith($"# chatops check 127.0.0.1:{server.Port}, exercise echo\n# echo: PASS in ", echo, StringComparison.Ordinal);
            Assert.Matches(@"A\s+>\s+\d+ bytes\s+""echo-[0-9a-f]{4}-000 bonjour""", echo);
            Assert.Matches(@"A\s+<\s+\d+ bytes\s+""echo-[0-9a-f]{4}-000 bonjour\\n""", echo);
            Assert.Contains("65 63 68 6f 2d", echo, StringComparison.Ordinal); // "echo-" in hex
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Json_is_one_object_with_the_contract_names_and_a_failed_check_makes_exit_code_1()
    {
        await using var server = await StudentServer.StartAsync("echo.py", "--fault", "ignores-arret");
        await using var check = CliProcess.Start("check", "127.0.0.1", Port(server), "--exercise", "echo", "--timeout", "2s", "--arret", "--json");
        Assert.Equal(1, await check.WaitForExitAsync(RunWait));

        var output = check.StdoutSoFar.Trim();
        Assert.DoesNotContain('\n', output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["exercise", "target", "language", "checks", "passed", "failed", "skipped"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("echo", root.GetProperty("exercise").GetString());
        Assert.Equal($"127.0.0.1:{server.Port}", root.GetProperty("target").GetString());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(CheckPlan.Names(ChatMode.Echo), checks.Select(c => c.GetProperty("name").GetString()));
        Assert.All(checks, c =>
        {
            Assert.Equal(["name", "result", "reason", "reason_key", "reason_args", "ms"], c.EnumerateObject().Select(p => p.Name));
            Assert.Equal(c.GetProperty("name").GetString() == "arret" ? "fail" : "pass", c.GetProperty("result").GetString());
            Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString()));
            Assert.True(c.GetProperty("ms").GetInt64() >= 0);
        });
        // The server ignores arret: the reason says so, as a key and values a script can compare in any language.
        var arret = checks[^1];
        Assert.Equal(("Arret.StillAccepting", 2000), (arret.GetProperty("reason_key").GetString(), arret.GetProperty("reason_args")[0].GetInt32()));
        Assert.Equal(("Connect.Pass", JsonValueKind.Number), (checks[0].GetProperty("reason_key").GetString(), checks[0].GetProperty("reason_args")[0].ValueKind));
        Assert.Equal((8, 1, 0), (root.GetProperty("passed").GetInt32(), root.GetProperty("failed").GetInt32(), root.GetProperty("skipped").GetInt32()));
    }

    [Fact]
    public async Task On_a_French_machine_the_reasons_are_French_and_the_json_keeps_their_keys_and_values()
    {
        var french = new Dictionary<string, string> { ["LC_ALL"] = "fr_FR.UTF-8" };
        await using var broken = await StudentServer.StartAsync("echo.py", "--fault", "dies-on-bye");
        await using var good = await StudentServer.StartAsync("echo.py");
        await using var table = CliProcess.StartWith(french, "check", "127.0.0.1", Port(broken), "--exercise", "echo", "--timeout", "2s");
        await using var json = CliProcess.StartWith(french, "check", "127.0.0.1", Port(good), "--exercise", "echo", "--timeout", "2s", "--json");
        Assert.Equal(1, await table.WaitForExitAsync(RunWait));
        Assert.Equal(0, await json.WaitForExitAsync(RunWait));

        var lines = table.StdoutSoFar.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string Line(string check) => Assert.Single(lines, l => l.StartsWith(check + " ", StringComparison.Ordinal));
        Assert.Equal($"chatops check 127.0.0.1:{broken.Port}, exercice echo", lines[0]);
        Assert.Matches(@"^vérification\s+résultat\s+ms\s+raison$", lines[1]);
        Assert.Equal("réussies : 5, échouées : 1, non lancées : 3", lines[^1]);
        Assert.Matches(@"^connect\s+PASS\s+\d+\s+la connexion a été acceptée en \d+ ms$", Line("connect"));
        Assert.Matches(@"^bye\s+FAIL\s+\d+\s+après ", Line("bye"));
        Assert.Matches(@"^churn\s+SKIP\s+non lancé : le serveur n'acceptait plus de connexions après bye \(connexion refusée\)$", Line("churn"));

        using var report = JsonDocument.Parse(json.StdoutSoFar.Trim());
        Assert.Equal("fr", report.RootElement.GetProperty("language").GetString());
        var arret = report.RootElement.GetProperty("checks").EnumerateArray().Last();
        Assert.Equal(("Arret.NotAsked", 0, "non envoyé : ajoutez --arret pour le vérifier (cela arrête votre serveur)"),
            (arret.GetProperty("reason_key").GetString(), arret.GetProperty("reason_args").GetArrayLength(), arret.GetProperty("reason").GetString()));
        var utf8 = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "utf8");
        Assert.Equal(("Utf8.Pass", "é à ç € 🙂", "é à ç € 🙂 est arrivé intact"),
            (utf8.GetProperty("reason_key").GetString(), utf8.GetProperty("reason_args")[0].GetString(), utf8.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("required", "check")]
    [InlineData("--exercise", "check", "127.0.0.1", "7070")]
    [InlineData("--exercise must be echo, sync, async or relay", "check", "127.0.0.1", "7070", "--exercise", "chat")]
    [InlineData("PORT must be a number from 1 to 65535", "check", "127.0.0.1", "99999", "--exercise", "echo")]
    [InlineData("--timeout must be a duration", "check", "127.0.0.1", "7070", "--exercise", "echo", "--timeout", "soon")]
    [InlineData("is not an IP address", "check", "127.0.0.1", "7070", "--exercise", "echo", "--from", "127.0.0.300")]
    [InlineData("cannot connect from 192.0.2.1", "check", "127.0.0.1", "7070", "--exercise", "echo", "--from", "192.0.2.1")]
    public async Task A_wrong_command_line_is_one_line_on_stderr_and_exit_code_2(string expected, params string[] args)
    {
        await using var check = CliProcess.Start(args);
        Assert.Equal(2, await check.WaitForExitAsync());
        var error = check.Stderr.Trim();
        Assert.Single(error.Split('\n'));
        Assert.StartsWith("chatops check: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", check.StdoutSoFar);
    }

    private static string Port(StudentServer server) => server.Port.ToString(CultureInfo.InvariantCulture);
}
