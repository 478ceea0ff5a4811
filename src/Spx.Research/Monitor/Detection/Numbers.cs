using System.Globalization;

namespace Spx.Research.Monitor.Detection;

/// <summary>How alert messages write numbers: invariant culture, thousands separated, so messages read the same everywhere.</summary>
internal static class Numbers
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Dollars(double value) => "$" + value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Factor(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
