namespace Spx.Research.Notebooks.Tests.Execution;

// A library's own copy of the convention attribute: matched by its type name, as in .NET Interactive.
// Public so a notebook that #r's this test assembly can use the types.

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[] PreferredMimeTypes { get; set; } = [];
}

/// <summary>A stand-in for a plotly figure: renders as html and as plotly JSON.</summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = ["text/html", "application/vnd.plotly.v1+json"])]
public class TestFigure(string title)
{
    public string Title { get; } = title;

    public string ToJson() => """{"data":[{"type":"bar","x":[1,2],"y":[3,4]}],"layout":{"title":{"text":""" + $"\"{Title}\"" + "}}}";
}

/// <summary>Inherits the attribute through its base type.</summary>
public sealed class DerivedFigure(string title) : TestFigure(title);

public sealed class FigureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Formatter("text/html", typeof(TestFigure), (f, w) => w.Write($"<div class=\"figure\">{f.Title}</div>")),
        new Formatter("application/vnd.plotly.v1+json", null, (f, w) => w.Write(f.ToJson())),
        new Formatter("text/plain", typeof(string), (_, w) => w.Write("never: wrong type")),
        new Formatter("text/plain", typeof(TestFigure), (f, w) => w.Write($"figure {f.Title}")),
    ];

    public sealed class Formatter(string mimeType, Type? type, Action<TestFigure, TextWriter> write)
    {
        public string MimeType { get; } = mimeType;

        public Type? Type { get; } = type;

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not TestFigure figure) return false;
            write(figure, writer);
            return true;
        }
    }
}

public sealed record Quote(string Symbol, decimal Bid, decimal Ask, DateOnly Date);
