using System.Collections;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Spx.Research.Cli.Output;

/// <summary>Prints a <see cref="ResultTable"/> as a table, CSV (RFC 4180) or a JSON array of objects.</summary>
public static class ResultWriter
{
    public static void Write(ResultTable table, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: WriteCsv(table, output); break;
            case OutputFormat.Json: WriteJson(table, output); break;
            default: WriteTable(table, output); break;
        }
    }

    private static void WriteCsv(ResultTable table, TextWriter output)
    {
        output.WriteLine(string.Join(',', table.Columns.Select(Quote)));
        foreach (var row in table.Rows) output.WriteLine(string.Join(',', row.Select(v => Quote(CellText.Format(v)))));
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static void WriteJson(ResultTable table, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    json.WritePropertyName(table.Columns[i]);
                    WriteJsonValue(json, row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            // JSON has no NaN or infinity: write them as null rather than fail the whole output.
            case double d when !double.IsFinite(d): json.WriteNullValue(); break;
            case float f when !float.IsFinite(f): json.WriteNullValue(); break;
            case double d: json.WriteNumberValue(d); break;
            case float f: json.WriteNumberValue(f); break;
            case decimal m: json.WriteNumberValue(m); break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u: json.WriteNumberValue(u); break;
            case string s: json.WriteStringValue(s); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list) WriteJsonValue(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(CellText.Format(value)); break;
        }
    }

    private static void WriteTable(ResultTable table, TextWriter output)
    {
        var grid = new Table().Border(TableBorder.Rounded);
        foreach (var column in table.Columns) grid.AddColumn(new TableColumn(Markup.Escape(column)));
        foreach (var row in table.Rows)
        {
            grid.AddRow(row.Select(v => (IRenderable)new Text(v is null ? "NULL" : CellText.Format(v))).ToArray());
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Redirected output has no terminal width; do not wrap wide results at 80 columns.
        if (Console.IsOutputRedirected || output != Console.Out) console.Profile.Width = 4096;
        console.Write(grid);
        output.WriteLine($"({table.Rows.Count} row{(table.Rows.Count == 1 ? "" : "s")})");
    }
}
