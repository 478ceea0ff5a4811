using System.Diagnostics;

namespace Spx.Research.Lake;

/// <summary>
/// An exclusive, cross-process write lock on one partition: a lock file opened with
/// <see cref="FileShare.None"/> (an <c>flock</c> on Unix, a share-mode lock on Windows), released when
/// disposed or when the process dies. Writers need it because appends de-duplicate against what is
/// already there and compaction rewrites it: two unsynchronised writers could lose or duplicate rows.
/// Readers never take it.
/// </summary>
internal sealed class PartitionLock : IDisposable
{
    private readonly FileStream _file;

    private PartitionLock(FileStream file) => _file = file;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock file at <paramref name="path"/>.</summary>
    public static PartitionLock Acquire(string path, TimeSpan timeout, string partition)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new PartitionLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                Thread.Sleep(Random.Shared.Next(5, 25));
            }
            catch (IOException held)
            {
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.#} s waiting to write lake partition {partition}: another writer holds {path}.", held);
            }
        }
    }

    /// <summary>Releases the lock (the lock file stays; deleting it would let two writers lock different files).</summary>
    public void Dispose() => _file.Dispose();
}
