using ChatOps.TcpEngine;
using ChatOps.Web.Checks;

namespace ChatOps.Tests.Web.Checks;

/// <summary>Class lists as teachers keep them: any column order, ';' from a French spreadsheet, mistakes named by line.</summary>
public sealed class TargetCsvTests
{
    [Fact]
    public void Reads_the_columns_by_name_with_the_page_exercise_for_lines_without_one()
    {
        var import = Read("port,Name,host,exercise\n5000,alice,192.168.1.21,echo\n5001, bob ,pc-12,\n");

        Assert.Empty(import.Errors);
        Assert.Equal(
            [new GradingTarget("alice", "192.168.1.21", 5000, ChatMode.Echo), new GradingTarget("bob", "pc-12", 5001, ChatMode.Relay)],
            import.Targets);
    }

    [Fact]
    public void Reads_semicolons_and_quoted_names_and_keeps_markup_as_plain_text()
    {
        var import = Read("seat;host;port\n\"Dupont; Marie\";10.0.0.3;6000\n<b>12</b>;10.0.0.4;6001\n");

        Assert.Empty(import.Errors);
        Assert.Equal(["Dupont; Marie", "<b>12</b>"], import.Targets.Select(t => t.Student));
    }

    [Fact]
    public void Each_wrong_line_is_named_and_the_good_ones_are_kept()
    {
        var import = Read("student,host,port,exercise\nalice,10.0.0.1,70000,echo\n,10.0.0.2,5000,echo\ncarol,10.0.0.3,5000,chat\ndave,10.0.0.4,5000,sync\n");

        Assert.Equal([new GradingTarget("dave", "10.0.0.4", 5000, ChatMode.Sync)], import.Targets);
        Assert.Equal(3, import.Errors.Count);
        Assert.StartsWith("line 2: the port must be a number from 1 to 65535", import.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: the student's name or seat", import.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("line 4: the exercise must be echo, sync, async or relay (got \"chat\")", import.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_needed_columns_or_past_the_limit_says_so()
    {
        Assert.StartsWith("the first line must name the columns", Assert.Single(Read("who,where\nalice,10.0.0.1\n").Errors), StringComparison.Ordinal);
        Assert.StartsWith("the file is empty", Assert.Single(Read("").Errors), StringComparison.Ordinal);

        var capped = TargetCsv.Read(new StringReader("student,host,port\na,h,1\nb,h,2\nc,h,3\n"), ChatMode.Echo, maxTargets: 2, UiLocalizer.Create());
        Assert.Equal(["a", "b"], capped.Targets.Select(t => t.Student));
        Assert.StartsWith("line 4: more than 2 servers", Assert.Single(capped.Errors), StringComparison.Ordinal);
    }

    private static TargetImport Read(string csv) => TargetCsv.Read(new StringReader(csv), ChatMode.Relay, maxTargets: 200, UiLocalizer.Create());
}
