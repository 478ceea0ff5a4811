using System.Text.Json;
using Spx.Research.Notebooks.Execution;

namespace Spx.Research.Notebooks.Tests.Execution;

public class MimeFormatterTests
{
    [Fact]
    public void Convention_formatter_gives_one_entry_per_preferred_type_with_plotly_as_an_object()
    {
        var bundle = MimeFormatter.Format(new TestFigure("IV"));

        Assert.Equal(["text/html", MimeBundle.Plotly], bundle.MimeTypes);
        Assert.Equal("<div class=\"figure\">IV</div>", bundle.Text("text/html"));
        var figure = bundle.Get(MimeBundle.Plotly)!.Value;
        Assert.Equal(JsonValueKind.Object, figure.ValueKind);
        Assert.Equal("IV", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Convention_formatter_is_found_on_a_base_type_and_honours_requested_types()
    {
        var bundle = MimeFormatter.Format(new DerivedFigure("x"), ["text/plain"]);

        Assert.Equal("figure x", Assert.Single(bundle).Value.GetString()); // skips the formatter whose Type does not match
    }

    [Fact]
    public void Html_content_strings_and_other_values()
    {
        Assert.Equal("<b>x</b>", MimeFormatter.Format(new HtmlContent("<b>x</b>")).Text(MimeBundle.Html));
        Assert.Equal("hello", MimeFormatter.Format("hello").Text(MimeBundle.PlainText));
        Assert.Equal("1.5", MimeFormatter.Format(1.5).Text(MimeBundle.PlainText));
        Assert.Equal("2026-01-02", MimeFormatter.Format(new DateOnly(2026, 1, 2)).Text(MimeBundle.PlainText));
        Assert.Equal("<null>", MimeFormatter.Format(null).Text(MimeBundle.PlainText));
        var json = MimeFormatter.Format("""{"a":1}""", ["application/json"]);
        Assert.Equal(1, json.Get("application/json")!.Value.GetProperty("a").GetInt32());
    }

    [Fact]
    public void Records_become_a_table_of_the_first_rows_with_a_note_for_the_rest()
    {
        var quotes = Enumerable.Range(0, MimeFormatter.TableRowLimit + 5)
            .Select(i => new Quote($"SPX{i}", i, i + 0.5m, new DateOnly(2026, 1, 2)));

        var bundle = MimeFormatter.Format(quotes);

        var html = bundle.Text(MimeBundle.Html)!;
        Assert.StartsWith("<table class=\"spx-table\"><thead><tr><th>Symbol</th><th>Bid</th><th>Ask</th><th>Date</th></tr>", html);
        Assert.Contains("<td>SPX99</td><td>99</td><td>99.5</td><td>2026-01-02</td>", html);
        Assert.DoesNotContain("SPX100", html);
        Assert.Contains("… 5 more rows", html);
        var text = bundle.Text(MimeBundle.PlainText)!.Split('\n');
        Assert.Equal("Symbol  Bid  Ask   Date", text[0]);
        Assert.Equal("… 5 more rows", text[^1]);
    }

    [Fact]
    public void Anonymous_objects_are_tabled_and_html_is_escaped()
    {
        var bundle = MimeFormatter.Format(new[] { new { Name = "<a>", Value = 1 } });

        Assert.Contains("<td>&lt;a&gt;</td><td>1</td>", bundle.Text(MimeBundle.Html));
    }

    [Fact]
    public void Plain_values_become_a_short_list()
    {
        Assert.Equal("[1, 2, 3]", MimeFormatter.Format(new List<int> { 1, 2, 3 }).Text(MimeBundle.PlainText));
        Assert.EndsWith(", … (50 more)]", MimeFormatter.Format(Enumerable.Range(0, 150)).Text(MimeBundle.PlainText));
    }
}
