using System.Buffers.Binary;
using System.Globalization;

namespace Spx.Research.Lake;

/// <summary>
/// What the bytes of a Parquet file show without a Parquet reader: the <c>PAR1</c> magic at both ends and
/// a footer length that fits inside the file. A file cut short (a crash outside our atomic writes, a full
/// disk, a bad copy) fails here, so the check is cheap enough to run on every file of a lake.
/// </summary>
/// <remarks>Layout: <c>PAR1 … footer … &lt;footer length: 4 bytes little-endian&gt; PAR1</c> (Apache Parquet format, "File format").</remarks>
internal static class ParquetEnvelope
{
    private const int MagicLength = 4;
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>Null when the envelope is sound, else what is wrong with it, in words for a one-line message.</summary>
    public static string? Problem(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = file.Length;
        if (length < 2 * MagicLength + 4) return Bytes(length) + ", too short for Parquet";

        Span<byte> head = stackalloc byte[MagicLength];
        file.ReadExactly(head);
        if (!head.SequenceEqual(Magic)) return "does not start with the Parquet magic PAR1";

        Span<byte> tail = stackalloc byte[4 + MagicLength];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        if (!tail[4..].SequenceEqual(Magic)) return $"no Parquet magic PAR1 at the end ({Bytes(length)}): truncated or damaged";
        var footer = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footer > length - 2 * MagicLength - 4) return $"footer of {Bytes(footer)} does not fit in {Bytes(length)}: truncated or damaged";
        return null;
    }

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
