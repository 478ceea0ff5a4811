using System.Text;

namespace Spx.Research.Notebooks.Formats;

/// <summary>Writes a text file via a temp file in the same folder and a rename: a reader sees the old or the new file, never half.</summary>
internal static class AtomicText
{
    public static void Write(string path, string text)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temp = full + $".{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
