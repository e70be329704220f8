using ChatOps.Web.Clock;

namespace ChatOps.Tests.Web;

/// <summary>The pages' clock: what the teacher reads and picks is the wall clock of the zone; the database keeps instants.</summary>
public sealed class DisplayClockTests
{
    private static readonly DisplayClock Paris = DisplayClock.TryFind("Europe/Paris")!;

    [Fact]
    public void Shows_an_instant_in_the_zone_winter_and_summer()
    {
        Assert.Equal("2026-11-24 09:30:00", Paris.Show(new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero)));
        Assert.Equal("10:30:00", Paris.Time(new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero)));
        Assert.Equal("–", Paris.Show(null));
    }

    [Fact]
    public void A_picked_wall_clock_time_is_the_instant_of_that_zone()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 30, 0, TimeSpan.Zero), Paris.ToInstant(new DateTime(2026, 11, 24, 8, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 30, 0, TimeSpan.Zero), Paris.ToInstant(new DateTime(2026, 7, 1, 8, 30, 0)));
        // 02:30 does not exist on 29 March 2026 in Paris (02:00 became 03:00): taken as 03:30 summer time.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), Paris.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus")]
    public void An_unknown_zone_is_null_so_the_page_keeps_the_one_it_has(string? id) => Assert.Null(DisplayClock.TryFind(id));
}
