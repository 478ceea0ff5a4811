using Spx.Research.Notebooks.Execution;

namespace Spx.Research.Notebooks.Tests.Execution;

public class ParameterCellsTests
{
    [Fact]
    public void Declared_types_come_from_explicit_types_literals_and_constructors()
    {
        var types = ParameterCells.DeclaredTypes("""
            // @parameters
            var symbol = "SPX";
            var days = 30;
            double threshold = 0.2;
            var big = 10L;
            var strike = 5800.5m;
            var live = false;
            var start = new DateOnly(2026, 1, 2);
            var end = DateOnly.Parse("2026-02-01");
            int? limit = null;
            var unknown = Compute();
            """);

        Assert.Equal(new Dictionary<string, string>
        {
            ["symbol"] = "string", ["days"] = "int", ["threshold"] = "double", ["big"] = "long", ["strike"] = "decimal",
            ["live"] = "bool", ["start"] = "DateOnly", ["end"] = "DateOnly", ["limit"] = "int?",
        }, types);
    }

    [Theory]
    [InlineData("days", "45", "int", "int days = 45;")]
    [InlineData("threshold", "1", "double", "double threshold = 1D;")]
    [InlineData("strike", "5800.25", "decimal", "decimal strike = 5800.25M;")]
    [InlineData("symbol", "S\"P\\Y", "string", "string symbol = \"S\\\"P\\\\Y\";")]
    [InlineData("start", "2026-03-02", "DateOnly", "DateOnly start = DateOnly.Parse(\"2026-03-02\", System.Globalization.CultureInfo.InvariantCulture);")]
    [InlineData("limit", "null", "int?", "int? limit = null;")]
    [InlineData("n", "7", null, "int n = 7;")]
    [InlineData("r", "0.25", null, "double r = 0.25D;")]
    [InlineData("b", "true", null, "bool b = true;")]
    [InlineData("s", "SPY", null, "string s = \"SPY\";")]
    public void Values_are_written_as_literals_of_the_declared_or_inferred_type(string name, string value, string? type, string expected)
    {
        Assert.Equal(expected, ParameterCells.Declaration(new NotebookParameter(name, value), type));
    }

    [Fact]
    public void A_value_that_does_not_fit_the_declared_type_names_both()
    {
        var error = Assert.Throws<NotebookParameterException>(() => ParameterCells.Declaration(new NotebookParameter("days", "abc"), "int"));

        Assert.Equal("parameter days=abc: 'abc' is not an int (the parameters cell declares int days)", error.Message);
    }

    [Theory]
    [InlineData("a=1", "a", "1")]
    [InlineData("url=http://x?a=b", "url", "http://x?a=b")]
    [InlineData("empty=", "empty", "")]
    public void Parse_splits_at_the_first_equals(string text, string name, string value)
    {
        var parameter = NotebookParameter.Parse(text);

        Assert.Equal((name, value), (parameter.Name, parameter.Value));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=1")]
    [InlineData("1x=1")]
    [InlineData("class=1")]
    public void Bad_parameters_are_rejected(string text)
    {
        Assert.Throws<NotebookParameterException>(() => NotebookParameter.Parse(text));
    }
}
