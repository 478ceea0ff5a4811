using static Spx.Research.Dashboard.Tests.DashboardLake;

namespace Spx.Research.Dashboard.Tests;

/// <summary>
/// The lake most tests read: Tuesday 2025-03-04 polled at 10:00 ET and closed at end of day, Wednesday
/// 2025-03-05 polled at 10:00 and 10:15 ET (EST: UTC−5), three contracts in two expirations, one stored alert.
/// At 10:15: <see cref="Busy"/> traded 450 since 10:00 and 600 today against 100 at 10:00 yesterday (volume
/// delta and day-over-day fire); <see cref="Dormant"/> wakes from 0 with 120 at $10 ($120,000: dormancy fires);
/// <see cref="Thin"/> stays under the volume floor.
/// </summary>
internal static class TwoSessions
{
    public static readonly DateOnly Tuesday = new(2025, 3, 4);
    public static readonly DateOnly Wednesday = new(2025, 3, 5);
    public static readonly DateOnly April4 = new(2025, 4, 4);
    public static readonly DateOnly April18 = new(2025, 4, 18);

    public const string Busy = "O:SPXW250404P05800000";
    public const string Thin = "O:SPXW250404P05900000";
    public const string Dormant = "O:SPX250418P05700000";

    public static readonly DateTimeOffset First = Et(Wednesday, 10, 0);
    public static readonly DateTimeOffset Latest = Et(Wednesday, 10, 15);

    public static void Write(DashboardLake lake)
    {
        lake.WritePolls(
            new Poll(Et(Tuesday, 10, 0), Busy, April4, 5800, 100, 100),
            new Poll(Et(Tuesday, 10, 0), Thin, April4, 5900, 50, 50),
            new Poll(Et(Tuesday, 10, 0), Dormant, April18, 5700, 0, 0, LastPrice: null));
        lake.WriteDaily(
            new Poll(Et(Tuesday, 15, 45), Busy, April4, 5800, 400, 0),
            new Poll(Et(Tuesday, 15, 45), Thin, April4, 5900, 200, 0),
            new Poll(Et(Tuesday, 15, 45), Dormant, April18, 5700, 10, 0));
        lake.WritePolls(
            new Poll(First, Busy, April4, 5800, 150, 150),
            new Poll(First, Thin, April4, 5900, 40, 40),
            new Poll(First, Dormant, April18, 5700, 0, 0, LastPrice: null));
        lake.WritePolls(
            new Poll(Latest, Busy, April4, 5800, 600, 450, Spot: 6010),
            new Poll(Latest, Thin, April4, 5900, 45, 5, Spot: 6010),
            new Poll(Latest, Dormant, April18, 5700, 120, 120, LastPrice: 10.0, Spot: 6010));
        lake.WriteAlerts(new Alert(Latest, "volume_delta", Busy, April4, 5800, 600, 450, "volume_delta O:SPXW250404P05800000: 450 traded since the previous poll (> 200)"));
    }
}
