namespace Spx.Research.Synthetic;

/// <summary>Rounding to the prices markets actually print.</summary>
internal static class PriceRounding
{
    public static double Cents(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static double ToTick(double value, double tick) => Math.Round(Math.Round(value / tick, MidpointRounding.AwayFromZero) * tick, 2);

    public static double DownToTick(double value, double tick) => Math.Round(Math.Floor(value / tick + 1e-9) * tick, 2);

    public static double UpToTick(double value, double tick) => Math.Round(Math.Ceiling(value / tick - 1e-9) * tick, 2);
}
