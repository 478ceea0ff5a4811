using Spx.Research.Configuration;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor.Scheduling;

/// <summary>
/// What <c>spx monitor run</c> hands to the factory of its <see cref="IMonitorSteps"/>: the adapter point where the
/// lake-backed poll and end of day are plugged in. Steps should log through <see cref="Log"/> and take time from
/// <see cref="Time"/>, which follows the server's clock under <c>--server-clock</c>.
/// </summary>
/// <param name="Settings">The effective settings, flags applied (base URL, lake path, server clock).</param>
/// <param name="Client">A client for <see cref="ApiSettings.BaseUrl"/>, owned by the verb.</param>
/// <param name="Log">The terminal and the daily log file.</param>
/// <param name="Time">The scheduler's clock.</param>
public sealed record MonitorRunContext(SpxSettings Settings, PolygonRestClient Client, IMonitorLog Log, TimeProvider Time);
