namespace Spx.Research;

/// <summary>
/// Progress reported on the reporting thread, before the work goes on. <see cref="Progress{T}"/> posts to the
/// thread pool, which can reorder lines and lets the work run ahead of what the callback must see first.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
