using ChatOps.Grading;
using ChatOps.TcpEngine;
using ChatOps.Web.Checks;

namespace ChatOps.Tests.Web.Checks;

public sealed class GradingColumnsTests
{
    [Fact]
    public void One_exercise_gives_its_checks_in_the_order_they_run()
    {
        foreach (var exercise in Enum.GetValues<ChatMode>())
            Assert.Equal(CheckPlan.Names(exercise), GradingColumns.For([exercise]));
    }

    [Fact]
    public void A_mixed_class_gives_every_check_once_each_after_the_check_it_follows()
    {
        var columns = GradingColumns.For([ChatMode.Echo, ChatMode.Sync, ChatMode.Relay]);

        Assert.Equal(columns.Distinct(), columns);
        Assert.Equal(CheckPlan.Names(ChatMode.Relay).Union(CheckPlan.Names(ChatMode.Echo)).Union(CheckPlan.Names(ChatMode.Sync)).Order(), columns.Order());
        foreach (var exercise in new[] { ChatMode.Echo, ChatMode.Sync, ChatMode.Relay })
            Assert.Equal(CheckPlan.Names(exercise), columns.Where(CheckPlan.Names(exercise).Contains));
        Assert.Equal("arret", columns[^1]);
    }
}
