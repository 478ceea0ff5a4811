namespace Spx.Research.Market;

/// <summary>
/// Exercise and settlement conventions of an option root, per the Cboe SPX product specification:
/// SPX (standard 3rd-Friday monthlies) is European, cash-settled, AM-settled on the SET; SPXW (weeklies,
/// end-of-month and PM 3rd-Friday) is European, cash-settled on the close; SPY is American and delivers shares.
/// </summary>
/// <param name="Exercise">American or European.</param>
/// <param name="Timing">AM (opening quotation) or PM (closing price) settlement.</param>
/// <param name="Method">Cash or physical delivery.</param>
public readonly record struct OptionStyle(OptionExercise Exercise, SettlementTiming Timing, SettlementMethod Method)
{
    /// <summary>Standard SPX monthly: European, AM-settled, cash.</summary>
    public static OptionStyle SpxAmSettled { get; } = new(OptionExercise.European, SettlementTiming.AmSettled, SettlementMethod.Cash);

    /// <summary>SPXW weekly / end-of-month / PM monthly: European, PM-settled, cash.</summary>
    public static OptionStyle SpxPmSettled { get; } = new(OptionExercise.European, SettlementTiming.PmSettled, SettlementMethod.Cash);

    /// <summary>Equity and ETF options such as SPY: American, PM, physical.</summary>
    public static OptionStyle EquityOrEtf { get; } = new(OptionExercise.American, SettlementTiming.PmSettled, SettlementMethod.Physical);

    /// <summary>
    /// The style of a ticker root. Only the SPX family is special-cased; every other root (SPY, adjusted
    /// roots such as SPY1, single stocks) gets the equity/ETF convention, so add a root here before relying
    /// on it for another index (NDX, RUT, XSP, …).
    /// </summary>
    public static OptionStyle ForRoot(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root switch
        {
            "SPX" => SpxAmSettled,
            "SPXW" => SpxPmSettled,
            _ => EquityOrEtf,
        };
    }
}
