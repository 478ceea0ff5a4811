namespace Spx.Research.Cli.Output;

/// <summary>Progress reported on the caller's thread: <see cref="Progress{T}"/> posts to the thread pool and can reorder lines.</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
