namespace Spx.Research.Ingest.Import;

/// <summary>Makes a pipe readable by DuckDB, which opens a CSV twice.</summary>
internal static class PipeFiles
{
    /// <summary>
    /// A pipe (a FIFO, <c>/dev/stdin</c>, a shell's <c>&lt;(…)</c>) copied to a temp file with the same extension, because
    /// DuckDB opens a CSV twice (sniff, then scan); null for a regular file. A pipe reports length 0.
    /// </summary>
    public static string? CopyIfPipe(string file)
    {
        if (!File.Exists(file)) throw new ImportFileException($"no file at {file}");
        if (new FileInfo(file).Length > 0) return null;
        var name = Path.GetFileName(file);
        var extension = name.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) ? ".csv.gz" : Path.GetExtension(name);
        var copy = Path.Combine(Path.GetTempPath(), $"spx-import-{Guid.NewGuid():N}{extension}");
        using (var input = File.OpenRead(file))
        using (var output = File.Create(copy))
        {
            input.CopyTo(output);
        }
        return copy;
    }
}
