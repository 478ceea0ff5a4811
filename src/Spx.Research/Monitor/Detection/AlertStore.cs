using Spx.Research.Lake;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// The <c>alerts</c> dataset as the detector uses it: which (ticker, rule) pairs a session already raised,
/// read from the lake rather than kept in memory so a restarted monitor does not raise them again, and the
/// append of new ones (one partition per session; the dataset key (session, ticker, rule) also makes a
/// racing second writer's copy a no-op).
/// </summary>
public static class AlertStore
{
    /// <summary>The dataset's name.</summary>
    public const string Dataset = "alerts";

    /// <summary>The (ticker, rule) pairs already stored for <paramref name="session"/>.</summary>
    public static IReadOnlySet<(string Ticker, string Rule)> Raised(LakeSession lake, DateOnly session) =>
        lake.Query(
            $"SELECT ticker, rule FROM {Dataset} WHERE date = {SqlText.Date(session)} AND session = {SqlText.Date(session)}",
            reader =>
            {
                var raised = new HashSet<(string, string)>();
                while (reader.Read()) raised.Add((reader.GetString(0), reader.GetString(1)));
                return raised;
            });

    /// <summary>Appends <paramref name="alerts"/> (all of one session) to the session's partition; nothing for none.</summary>
    public static void Append(LakeWriter writer, DateOnly session, IReadOnlyList<HedgingAlert> alerts)
    {
        if (alerts.Count == 0) return;
        writer.AppendToPartition(Dataset, session, LakeSource.FromAppender(appender =>
        {
            foreach (var alert in alerts)
            {
                appender.CreateRow()
                    .AppendValue(alert.PollTs)
                    .AppendValue(alert.Session)
                    .AppendValue(alert.Rule)
                    .AppendValue(alert.Ticker)
                    .AppendValue(alert.Expiry)
                    .AppendValue(alert.Strike)
                    .AppendValue(alert.Spot)
                    .AppendValue(alert.DayVolume)
                    .AppendValue(alert.VolumeDelta)
                    .AppendValue(alert.ComparisonVolume)
                    .AppendValue(alert.Source.Name())
                    .AppendValue(alert.Premium)
                    .AppendValue(alert.Message)
                    .EndRow();
            }
        }));
    }
}
