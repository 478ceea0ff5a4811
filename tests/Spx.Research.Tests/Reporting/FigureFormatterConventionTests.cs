using System.Collections;
using System.Text.Json.Nodes;
using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

/// <summary>
/// Renders a figure the way a notebook host does: it has no reference to our attribute type, so it finds the
/// attribute by type name and reads everything else by reflection (as .NET Interactive's
/// TryRegisterFromConventionBasedFormatterSources does).
/// </summary>
public sealed class FigureFormatterConventionTests
{
    [Fact]
    public void A_host_finds_the_formatters_by_attribute_name_and_renders_both_preferred_types()
    {
        object figure = SampleFigures.SpxVsVix();

        var attribute = figure.GetType().GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var outputs = new Dictionary<string, string>();
        foreach (var formatter in formatters)
        {
            var type = formatter.GetType();
            var mime = (string)type.GetProperty("MimeType")!.GetValue(formatter)!;
            Assert.Equal(typeof(Figure), type.GetProperty("Type")!.GetValue(formatter));
            var writer = new StringWriter();
            var formatted = (bool)type.GetMethod("Format")!.Invoke(formatter, [figure, writer])!;
            Assert.True(formatted);
            outputs[mime] = writer.ToString();
        }

        Assert.Equal(["text/html", "application/vnd.plotly.v1+json"], preferred);
        Assert.All(preferred, mime => Assert.Contains(mime, outputs.Keys));
        Assert.Contains("if (window.Plotly)", outputs["text/html"]);
        Assert.Contains($"id=\"{FigureHtml.ElementId(SampleFigures.SpxVsVix())}\"", outputs["text/html"]);
        Assert.Equal(FigureJson.Serialize(SampleFigures.SpxVsVix()), outputs["application/vnd.plotly.v1+json"]);
        Assert.Equal("SPX vs VIX", JsonNode.Parse(outputs["application/vnd.plotly.v1+json"])!["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(SampleFigures.SpxVsVix().ToString(), outputs["text/plain"]);
    }

    [Fact]
    public void A_formatter_declines_other_objects()
    {
        var formatter = new FigureFormatterSource().CreateTypeFormatters().First();
        var writer = new StringWriter();

        Assert.False(formatter.Format("not a figure", writer));
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void The_format_method_is_the_only_one_so_a_host_can_bind_it_by_name()
    {
        var methods = typeof(TypeFormatter<Figure>).GetMethods().Where(m => m.Name == "Format").ToList();

        var format = Assert.Single(methods);
        Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
        Assert.Equal(typeof(bool), format.ReturnType);
    }
}
