using Bunit;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using static Microsoft.Extensions.Options.Options;

namespace ChatOps.Tests.Web;

/// <summary>The chart's samples follow a clock: here a fake one the test advances, with events the test publishes.</summary>
public sealed class ActivityChartTests : BunitContext
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ChatServer _server = new(Create(new ChatOptions { Port = 0, BindAddress = "127.0.0.1", Language = ChatLanguage.En }));
    private readonly DashboardState _state;

    public ActivityChartTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        _state = new DashboardState(_server, Create(new DashboardOptions()), _time, NullLogger<DashboardState>.Instance);
        Services.AddSingleton(_state);
        Services.AddSingleton(_server);
    }

    [Fact]
    public void Plots_clients_and_lines_per_second_once_two_samples_exist()
    {
        var chart = Render<ActivityChart>();
        Assert.NotNull(chart.Find("#chart-waiting"));

        _state.Publish([]);
        for (var sample = 0; sample < 3; sample++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            _state.Publish(Enumerable.Range(0, 10).Select(Line).ToList());
        }

        Assert.Equal(3, _state.Current.Activity.Count);
        chart.WaitForAssertion(() =>
        {
            Assert.Empty(chart.FindAll("#chart-waiting"));
            Assert.Contains("clients", chart.Markup, StringComparison.Ordinal);
            Assert.Contains("lines/s", chart.Markup, StringComparison.Ordinal);
            Assert.NotEmpty(chart.FindAll("svg path"));
        }, LineReader.DefaultTimeout);
    }

    [Fact]
    public void A_sample_averages_the_lines_received_over_its_interval()
    {
        _state.Publish([]);
        _state.Publish(Enumerable.Range(0, 10).Select(Line).ToList());
        _time.Advance(TimeSpan.FromSeconds(5));
        _state.Publish([]);

        var sample = Assert.Single(_state.Current.Activity);
        Assert.Equal(2.0, sample.LinesPerSecond);
        Assert.Equal(0, sample.Clients);
    }

    private ChatEvent Line(int i) => new LineReceived(_time.GetUtcNow(), 1, "127.0.0.1", $"line {i}", ProtocolWord.None);

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _server.DisposeAsync();
    }
}
