using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

public sealed class PlotlyJsTests
{
    [Fact]
    public void The_build_puts_the_pinned_bundle_beside_the_core_assembly()
    {
        var path = PlotlyJs.LocateBundle();
        var besideCore = Path.Combine(Path.GetDirectoryName(typeof(PlotlyJs).Assembly.Location)!, "plotly", "plotly.min.js");

        Assert.Equal("4.1.2", PlotlyJs.Version);
        Assert.Equal(besideCore, path);
        Assert.True(new FileInfo(path).Length > 4_000_000);
    }

    [Fact]
    public void The_bundle_is_read_once_and_is_plotly_4_1_2()
    {
        var first = PlotlyJs.ReadBundle();

        Assert.Same(first, PlotlyJs.ReadBundle());
        Assert.Contains("plotly.js v4.1.2", first[..300]);
    }
}
