using System.Text;

namespace Spx.Research;

/// <summary>
/// Writes a text file via a temp file in the same folder and a rename: a reader sees the old or the new file,
/// never half of one. Used for HTML pages and notebook exports.
/// </summary>
public static class AtomicText
{
    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a BOM, creating folders and
    /// replacing any existing file as a whole. Returns the full path.
    /// </summary>
    public static string Write(string path, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return full;
    }
}
