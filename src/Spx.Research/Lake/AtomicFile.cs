using System.Security.Cryptography;

namespace Spx.Research.Lake;

/// <summary>
/// The temp-then-rename steps every lake file goes through: written under a name no reader's
/// <c>*.parquet</c> glob matches, flushed to disk, then renamed into place in the same folder, so a
/// reader finds either the whole old file or the whole new one.
/// </summary>
internal static class AtomicFile
{
    /// <summary>A fresh temp file path in <paramref name="folder"/> (created if missing): <c>.&lt;guid&gt;.parquet.tmp</c>.</summary>
    public static string TempPath(string folder)
    {
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Guid.NewGuid():N}.parquet{LakeLayout.TempSuffix}");
    }

    /// <summary>Flushes a finished file to disk (so a crash after the rename cannot leave a torn file) and returns its SHA-256.</summary>
    public static byte[] FlushAndHash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        stream.Flush(flushToDisk: true);
        return SHA256.HashData(stream);
    }

    /// <summary>SHA-256 of a file, or null when it does not exist.</summary>
    public static byte[]? HashOrNull(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return SHA256.HashData(stream);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Renames <paramref name="temp"/> onto <paramref name="final"/>, replacing it atomically (rename(2) on
    /// Unix, MoveFileEx with replace on Windows). Returns false, deleting the temp file, when
    /// <paramref name="final"/> already holds exactly these bytes: rewriting identical content changes nothing.
    /// </summary>
    public static bool Publish(string temp, string final)
    {
        var hash = FlushAndHash(temp);
        if (HashOrNull(final) is { } existing && existing.AsSpan().SequenceEqual(hash))
        {
            File.Delete(temp);
            return false;
        }
        File.Move(temp, final, overwrite: true);
        return true;
    }

    /// <summary>Publishes <paramref name="temp"/> under a name made from its content (<c>part-&lt;hash&gt;.parquet</c>) in its folder.</summary>
    public static string PublishByContent(string temp)
    {
        var name = $"part-{Convert.ToHexStringLower(FlushAndHash(temp))[..16]}.parquet";
        var final = Path.Combine(Path.GetDirectoryName(temp)!, name);
        if (File.Exists(final)) File.Delete(temp);
        else File.Move(temp, final, overwrite: true);
        return final;
    }

    /// <summary>Deletes a file if it exists, ignoring a concurrent deletion.</summary>
    public static void DeleteIfExists(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Its folder is gone too.
        }
    }
}
