using System.Reflection;
using System.Text.Json;
using Spx.Research.Reporting;

namespace Spx.Research.Dashboard.Api;

/// <summary><c>/api/version</c>: which build is serving, so a stale process on a small server is easy to spot. Reads no lake.</summary>
internal static class VersionEndpoint
{
    public static void Write(Utf8JsonWriter json, DateTimeOffset started)
    {
        var assembly = typeof(VersionEndpoint).Assembly;
        json.WriteStartObject();
        json.WriteString("name", "spx monitor dashboard");
        json.WriteString("version", assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown");
        json.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        json.WriteString("plotly", PlotlyJs.Version);
        json.WriteString("started", JsonRows.Instant(started));
        json.WriteEndObject();
    }
}
