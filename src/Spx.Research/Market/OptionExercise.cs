namespace Spx.Research.Market;

/// <summary>When an option may be exercised; decides which pricing model applies.</summary>
public enum OptionExercise
{
    /// <summary>Any business day up to expiry (equity and ETF options such as SPY).</summary>
    American,

    /// <summary>Only at expiry (index options such as SPX and SPXW).</summary>
    European,
}
