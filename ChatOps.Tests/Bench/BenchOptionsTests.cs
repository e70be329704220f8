using System.CommandLine;
using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class BenchOptionsTests
{
    [Theory]
    [InlineData("--port 7071")]
    [InlineData("--port 7071,7072,7073")]
    [InlineData("--port 7071 7072 --port 7073")]
    public void Ports_are_given_with_commas_spaces_or_the_option_again(string arguments)
    {
        var ports = BenchOptions.Ports();
        var result = new RootCommand { ports }.Parse(arguments);

        Assert.Empty(result.Errors);
        Assert.Equal(arguments == "--port 7071" ? [7071] : [7071, 7072, 7073], result.GetValue(ports));
    }

    [Fact]
    public void A_port_that_is_not_a_number_is_refused()
    {
        var ports = BenchOptions.Ports();

        Assert.NotEmpty(new RootCommand { ports }.Parse("--port 7071,x").Errors);
    }
}
