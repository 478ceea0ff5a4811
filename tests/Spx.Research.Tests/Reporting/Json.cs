using System.Text.Json.Nodes;
using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

/// <summary>Reads figure JSON back for assertions.</summary>
internal static class Json
{
    public static JsonObject Of(Figure figure) => JsonNode.Parse(FigureJson.Serialize(figure))!.AsObject();

    public static JsonObject Trace(Figure figure, int index) => Of(figure)["data"]![index]!.AsObject();

    public static JsonObject Layout(Figure figure) => Of(figure)["layout"]!.AsObject();

    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(node => node?.GetValue<string>()).ToArray()!;

    public static double?[] Numbers(JsonNode? array) => array!.AsArray().Select(node => node?.GetValue<double>()).ToArray();

    /// <summary>Every property name in the tree, with its path.</summary>
    public static IEnumerable<(string Path, string Name)> PropertyNames(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    yield return (path, name);
                    foreach (var inner in PropertyNames(value, $"{path}.{name}"))
                        yield return inner;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in PropertyNames(array[i], $"{path}[{i}]"))
                        yield return inner;
                }
                break;
        }
    }
}
