// What a batch run leaves beside its outputs: artifacts/index.html (a link to every report and notebook page) and
// a manifest JSON (git commit, parameters, input partitions and outputs with SHA-256 hashes). Plain C# with no Cake
// aliases, so tests/Spx.Research.Tests compiles it too (Build/RunArtifactsTests). Nothing here reads the clock:
// the same inputs give the same bytes (docs/notebooks-and-cake.md, "Reproducible runs").
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

public static class RunIndex
{
    /// <summary>The page folders linked from the index, in this order.</summary>
    public static readonly string[] Sections = { "reports", "notebooks" };

    /// <summary>Writes <c>index.html</c> into <paramref name="artifacts"/>, linking every *.html under its sections (sorted by name) and the manifest.</summary>
    public static string Write(string artifacts, string manifestName)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Spx.Research run</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem}</style>\n")
            .Append("</head>\n<body>\n<h1>Spx.Research run</h1>\n");
        foreach (var section in Sections)
        {
            var folder = System.IO.Path.Combine(artifacts, section);
            var pages = System.IO.Directory.Exists(folder)
                ? System.IO.Directory.GetFiles(folder, "*.html").Select(file => System.IO.Path.GetFileName(file)!).OrderBy(name => name, StringComparer.Ordinal).ToArray()
                : new string[0];
            html.Append($"<h2>{WebUtility.HtmlEncode(section)}</h2>\n");
            if (pages.Length == 0) html.Append("<p>none in this run</p>\n");
            else html.Append("<ul>\n").Append(string.Concat(pages.Select(page => Link($"{section}/{page}", page)))).Append("</ul>\n");
        }
        html.Append($"<p>What produced them (commit, parameters, input partitions, output hashes): {Anchor(manifestName, manifestName)}</p>\n</body>\n</html>\n");
        var path = System.IO.Path.Combine(artifacts, "index.html");
        System.IO.File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static string Link(string href, string text) => $"<li>{Anchor(href, text)}</li>\n";

    private static string Anchor(string href, string text) =>
        $"<a href=\"{WebUtility.HtmlEncode(Uri.EscapeDataString(href).Replace("%2F", "/"))}\">{WebUtility.HtmlEncode(text)}</a>";
}

public static class RunManifest
{
    /// <summary>
    /// Every partition file of <paramref name="lake"/> as "dataset/date=…/file" → SHA-256, sorted by that key.
    /// Folders starting with '.' or '_' (version store, checkpoints) are not data and are left out.
    /// </summary>
    public static SortedDictionary<string, string> Partitions(string lake)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(lake)) return files;
        foreach (var dataset in System.IO.Directory.GetDirectories(lake).Where(d => !Hidden(d)))
        {
            foreach (var partition in System.IO.Directory.GetDirectories(dataset, "date=*"))
            {
                foreach (var file in System.IO.Directory.GetFiles(partition, "*.parquet"))
                    files[$"{System.IO.Path.GetFileName(dataset)}/{System.IO.Path.GetFileName(partition)}/{System.IO.Path.GetFileName(file)}"] = Sha256(file);
            }
        }
        return files;
    }

    /// <summary>Every file under <paramref name="artifacts"/>'s sections as "section/file" → SHA-256, sorted.</summary>
    public static SortedDictionary<string, string> Outputs(string artifacts, IEnumerable<string> sections)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var folder = System.IO.Path.Combine(artifacts, section);
            if (!System.IO.Directory.Exists(folder)) continue;
            foreach (var file in System.IO.Directory.GetFiles(folder))
                files[$"{section}/{System.IO.Path.GetFileName(file)}"] = Sha256(file);
        }
        return files;
    }

    /// <summary>Writes the manifest: commit, parameters, input partitions, lake partitions after the run, outputs. Keys sorted; no time of day.</summary>
    public static void Write(string path, string commit, IDictionary<string, string> parameters,
        IDictionary<string, string> inputs, IDictionary<string, string> lakeAfter, IDictionary<string, string> outputs)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("git_commit", commit);
            Map(json, "parameters", parameters);
            Map(json, "input_partitions", inputs);
            Map(json, "lake_partitions_after", lakeAfter);
            Map(json, "outputs", outputs);
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        System.IO.File.WriteAllBytes(path, stream.ToArray());
    }

    private static void Map(Utf8JsonWriter json, string name, IDictionary<string, string> values)
    {
        json.WriteStartObject(name);
        foreach (var pair in values.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(pair.Key, pair.Value);
        json.WriteEndObject();
    }

    private static bool Hidden(string folder) => System.IO.Path.GetFileName(folder) is var name && (name.StartsWith(".") || name.StartsWith("_"));

    private static string Sha256(string file)
    {
        using var stream = System.IO.File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
