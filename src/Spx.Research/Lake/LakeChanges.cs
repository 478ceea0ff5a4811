namespace Spx.Research.Lake;

/// <summary>
/// A per-dataset change token, <c>LAKE/&lt;dataset&gt;/.versions/.changes</c>: a random value a writer
/// replaces (atomically) after every publish. A <see cref="LakeSession"/> compares it with the token its
/// snapshot was taken at, to re-snapshot only datasets that changed — one small read per dataset per query.
/// </summary>
internal static class LakeChanges
{
    private const string FileName = ".changes";

    /// <summary>Records a change to <paramref name="dataset"/>.</summary>
    public static void Touch(LakeLayout layout, string dataset)
    {
        var path = Path(layout, dataset);
        var temp = path + "." + Guid.NewGuid().ToString("N") + LakeLayout.TempSuffix;
        File.WriteAllText(temp, Guid.NewGuid().ToString("N"));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The current token, or "" when the dataset has never been written by this library.</summary>
    public static string Read(LakeLayout layout, string dataset)
    {
        try
        {
            return File.ReadAllText(Path(layout, dataset));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "";
        }
    }

    private static string Path(LakeLayout layout, string dataset) =>
        System.IO.Path.Combine(layout.DatasetDirectory(dataset), LakeLayout.VersionsFolder, FileName);
}
