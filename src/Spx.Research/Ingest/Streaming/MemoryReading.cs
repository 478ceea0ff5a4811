using System.Diagnostics;
using System.Text.Json.Serialization;

namespace Spx.Research.Ingest.Streaming;

/// <summary>The process's memory at one instant, in MiB: what "memory stays flat" is checked against.</summary>
public sealed record MemoryReading(
    [property: JsonPropertyName("working_set_mib")] double WorkingSetMiB,
    [property: JsonPropertyName("peak_working_set_mib")] double PeakWorkingSetMiB,
    [property: JsonPropertyName("managed_heap_mib")] double ManagedHeapMiB)
{
    /// <summary>Reads it now.</summary>
    public static MemoryReading Now()
    {
        using var process = Process.GetCurrentProcess();
        return new MemoryReading(MiB(process.WorkingSet64), MiB(process.PeakWorkingSet64), MiB(GC.GetTotalMemory(forceFullCollection: false)));
    }

    private static double MiB(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);
}
