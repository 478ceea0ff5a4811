using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spx.Research.Notebooks;

/// <summary>
/// The metadata VS Code's Polyglot extension writes (docs/notebooks-and-cake.md §1.1), for notebooks we create from <c>.dib</c>
/// or <c>.csx</c>: with it the executed <c>.ipynb</c> opens as a C# notebook in Polyglot and Verso.
/// </summary>
internal static class PolyglotMetadata
{
    public static JsonElement Notebook(JsonElement? kernelInfo)
    {
        var info = kernelInfo is { ValueKind: JsonValueKind.Object } given
            ? JsonNode.Parse(given.GetRawText())!
            : new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject
                {
                    ["name"] = "csharp",
                    ["languageName"] = "C#",
                    ["aliases"] = new JsonArray("c#", "cs"),
                }),
            };
        var metadata = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = info },
        };
        return JsonSerializer.SerializeToElement(metadata);
    }

    /// <summary>Cell metadata naming the kernel under both keys the .NET writer uses.</summary>
    public static JsonElement Cell(string kernel) => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = kernel },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
    });
}
