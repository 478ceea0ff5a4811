using MathNet.Numerics.Distributions;
using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Synthetic;

/// <summary>
/// One session of option trading: per contract and minute, a trade count and volume that depend on
/// moneyness, days to expiry and time of day; trade prices from Black-Scholes-Merton over the volatility
/// surface with spreads that widen away from the money; hedging-episode blocks and momentum bursts on
/// top; then minute bars and the 15-minute chain snapshots built from those trades.
/// </summary>
internal sealed class OptionTrading
{
    private readonly MarketModel _model;
    private readonly IndexPath _path;
    private readonly SpyTape _spy;
    private readonly Random _random;
    private readonly int _minutes;
    private readonly double[] _volumeShape;

    private OptionTrading(MarketModel model, IndexPath path, SpyTape spy, long seed)
    {
        _model = model;
        _path = path;
        _spy = spy;
        _random = RandomStreams.Create(seed, "option-trading", path.Session.Date);
        _minutes = path.Seconds / 60;
        _volumeShape = Enumerable.Range(0, _minutes).Select(m => IntradayShape.Volume.At((m + 0.5) / _minutes)).ToArray();
    }

    public List<OptionBar> Bars { get; } = [];

    public List<ChainSnapshot> Snapshots { get; } = [];

    /// <summary>Contracts whose price rose at least 20% during the momentum window.</summary>
    public List<string> MomentumMovers { get; } = [];

    public static OptionTrading Run(
        MarketModel model, IndexPath path, SpyTape spy, IReadOnlyList<ListedOption> contracts,
        IReadOnlyDictionary<ListedOption, long[]> episodeBlocks, MomentumEvent? momentum,
        OpenInterestBook openInterest, int snapshotIntervalMinutes, long seed)
    {
        var trading = new OptionTrading(model, path, spy, seed);
        foreach (var contract in contracts)
        {
            trading.Trade(contract, episodeBlocks.GetValueOrDefault(contract), momentum, openInterest, snapshotIntervalMinutes);
        }

        return trading;
    }

    private void Trade(ListedOption contract, long[]? blocks, MomentumEvent? momentum, OpenInterestBook openInterest, int snapshotInterval)
    {
        var session = _path.Session;
        var isSpy = contract.Underlying == "SPY";
        var underlying = isSpy ? _spy.Price : _path.Spx;
        var openSpot = underlying[0];
        var openYears = contract.YearsToSettlement(session.Open);
        var surface = new VolatilitySurface(_model, _path.Variance[0]);
        var expected = ExpectedDailyVolume(contract, openSpot, surface.AtTheMoney(openYears), openYears);
        var meanTradeSize = isSpy ? 8.0 : 4.0;
        var tradingMinutes = Math.Min(_minutes, (int)Math.Ceiling((contract.LastTrade - session.Open).TotalMinutes));

        var volume = new long[_minutes];
        var trades = new long[_minutes];
        for (var m = 0; m < tradingMinutes; m++)
        {
            var rate = expected * _volumeShape[m] / _minutes / meanTradeSize;
            if (momentum is not null && isSpy && m >= momentum.StartMinute && m < momentum.StartMinute + momentum.Minutes + 5)
            {
                rate *= 8;
            }

            var count = rate > 0 ? Poisson.Sample(_random, rate) : 0;
            long size = 0;
            for (var i = 0; i < count; i++) size += Geometric.Sample(_random, 1 / meanTradeSize);
            if (blocks is not null && blocks[m] > 0)
            {
                size += blocks[m];
                count += 1 + (int)(blocks[m] / 250);
            }

            volume[m] = size;
            trades[m] = count;
        }

        var dayOpenInterest = openInterest.Get(contract, expected, _random);
        var lastPrice = (double?)null;
        long cumulative = 0, previousSnapshot = 0;
        double notional = 0;
        var momentumStartMid = 0.0;
        var momentumHigh = 0.0;
        for (var m = 0; m <= _minutes; m++)
        {
            if (m > 0 && m % snapshotInterval == 0 || m == _minutes)
            {
                if (contract.InSnapshots && m > 0)
                {
                    var ts = session.Open.AddMinutes(m);
                    if (ts <= contract.LastTrade)
                    {
                        Snapshots.Add(Snapshot(contract, ts, underlying[m * 60], cumulative, cumulative - previousSnapshot, dayOpenInterest,
                            lastPrice, cumulative > 0 ? Math.Round(notional / cumulative, 2) : null));
                        previousSnapshot = cumulative;
                    }
                }
            }

            if (m == _minutes) break;
            if (momentum is not null && isSpy && m == momentum.StartMinute)
            {
                momentumStartMid = Mid(contract, session.Open.AddMinutes(m), underlying[m * 60]);
            }

            if (volume[m] == 0) continue;
            var bar = MinuteBar(contract, m, underlying, volume[m], trades[m]);
            if (contract.InBars) Bars.Add(bar);
            lastPrice = bar.Close;
            cumulative += bar.Volume;
            notional += bar.Vwap * bar.Volume;
            if (momentum is not null && isSpy && m >= momentum.StartMinute && m < momentum.StartMinute + momentum.Minutes + 5)
            {
                momentumHigh = Math.Max(momentumHigh, bar.Close);
            }
        }

        // A mover must be worth watching (mid ≥ $0.50) and close a minute 20% above where it started:
        // one print at the ask on a nickel option is not momentum.
        if (contract.InBars && momentumStartMid >= 0.5 && momentumHigh >= 1.2 * momentumStartMid)
        {
            MomentumMovers.Add(contract.Ticker);
        }

        openInterest.Settle(contract, session.Date, cumulative, blocks?.Sum() ?? 0, _random);
    }

    /// <summary>
    /// Expected contracts traded in a session: highest at the money and in the last days before expiry,
    /// with out-of-the-money puts busier than calls (hedging demand) and in-the-money contracts quiet.
    /// </summary>
    internal static double ExpectedDailyVolume(ListedOption contract, double spot, double atmVol, double years)
    {
        var x = Math.Log(contract.Strike / spot) / (atmVol * Math.Sqrt(Math.Max(years, 1.0 / 365)));
        var outOfTheMoney = contract.Right == OptionRight.Put ? x < 0 : x > 0;
        var side = !outOfTheMoney ? 0.35 : contract.Right == OptionRight.Put ? 1.4 : 1.0;
        var moneyness = Math.Exp(-0.5 * (x / 1.6) * (x / 1.6)) * side;
        var dte = years * 365;
        var term = Math.Exp(-dte / 7) + 0.25 * Math.Exp(-dte / 45) + 0.03;
        var scale = contract.Contract.Root switch { "SPY" => 30_000.0, "SPXW" => 12_000.0, _ => 6_000.0 };
        return scale * moneyness * term;
    }

    private double Mid(ListedOption contract, DateTimeOffset instant, double spot)
    {
        var (years, vol) = YearsAndVol(contract, instant, spot);
        return BlackScholes.Price(contract.Right, spot, contract.Strike, years, _model.RiskFreeRate, _model.DividendYield, vol);
    }

    /// <summary>Years to settlement and the surface's implied vol for the contract at <paramref name="instant"/>.</summary>
    private (double Years, double Vol) YearsAndVol(ListedOption contract, DateTimeOffset instant, double spot)
    {
        var years = contract.YearsToSettlement(instant);
        var variance = _path.Variance[Math.Min(_path.Seconds, (int)(instant - _path.Session.Open).TotalSeconds)];
        var forward = spot * Math.Exp((_model.RiskFreeRate - _model.DividendYield) * years);
        return (years, new VolatilitySurface(_model, variance).ImpliedVol(contract.Strike, forward, years));
    }

    /// <summary>Half the bid-ask spread: a share of the price that grows away from the money, never under one tick.</summary>
    private static double HalfSpread(ListedOption contract, double mid, double spot)
    {
        var distance = Math.Abs(Math.Log(contract.Strike / spot));
        var relative = (contract.Underlying == "SPY" ? 0.012 : 0.03) * (1 + 8 * distance);
        return Math.Max(contract.Tick(mid), relative * mid);
    }

    private OptionBar MinuteBar(ListedOption contract, int minute, double[] underlying, long volume, long trades)
    {
        var from = minute * 60;
        var start = _path.Session.Open.AddMinutes(minute);
        var end = start.AddMinutes(1);
        var isCall = contract.Right == OptionRight.Call;
        var midOpen = Mid(contract, start, underlying[from]);
        var spot = underlying[from];

        double Trade(double mid)
        {
            var tick = contract.Tick(mid);
            var price = mid + HalfSpread(contract, mid, spot) * (2 * _random.NextDouble() - 1);
            return Math.Max(tick, PriceRounding.ToTick(price, tick));
        }

        var open = Trade(midOpen);
        if (trades <= 1)
        {
            return new OptionBar(contract, start, open, open, open, open, volume, open, Math.Max(trades, 1));
        }

        // Only a bar with more than one trade needs the minute's range and the other three mids.
        double high = double.MinValue, low = double.MaxValue;
        for (var k = from; k <= from + 60; k++)
        {
            high = Math.Max(high, underlying[k]);
            low = Math.Min(low, underlying[k]);
        }

        var midClose = Mid(contract, end, underlying[from + 60]);
        var midHigh = Mid(contract, start, isCall ? high : low);
        var midLow = Mid(contract, end, isCall ? low : high);
        var close = Trade(midClose);
        var barHigh = Math.Max(Math.Max(open, close), Trade(Math.Max(midHigh, Math.Max(midOpen, midClose))));
        var barLow = Math.Min(Math.Min(open, close), Trade(Math.Min(midLow, Math.Min(midOpen, midClose))));
        var vwap = Math.Round(Math.Clamp((open + close) / 2 + (barHigh - barLow) * 0.2 * (_random.NextDouble() - 0.5), barLow, barHigh), 2);
        return new OptionBar(contract, start, open, barHigh, barLow, close, volume, vwap, trades);
    }

    private ChainSnapshot Snapshot(ListedOption contract, DateTimeOffset ts, double spot, long dayVolume, long delta, long openInterest, double? last, double? vwap)
    {
        var (years, vol) = YearsAndVol(contract, ts, spot);
        var greeks = BlackScholes.Greeks(contract.Right, spot, contract.Strike, years, _model.RiskFreeRate, _model.DividendYield, vol);
        var halfSpread = HalfSpread(contract, greeks.Price, spot);
        var tick = contract.Tick(greeks.Price);
        var bid = Math.Max(0, PriceRounding.DownToTick(greeks.Price - halfSpread, tick));
        var ask = Math.Max(tick, PriceRounding.UpToTick(greeks.Price + halfSpread, tick));
        var depth = 1 + 40 * Math.Exp(-30 * Math.Abs(Math.Log(contract.Strike / spot)));
        var live = years > 0;
        return new ChainSnapshot(
            ts, contract, dayVolume, delta, openInterest,
            live ? Math.Round(vol, 4) : null,
            live ? Math.Round(greeks.Delta, 4) : null,
            live ? Math.Round(greeks.Gamma, 6) : null,
            live ? Math.Round(greeks.ThetaPerDay, 3) : null,
            live ? Math.Round(greeks.VegaPerPoint, 3) : null,
            PriceRounding.Cents(spot), bid, ask,
            Math.Round(depth * (1 + 9 * _random.NextDouble())),
            Math.Round(depth * (1 + 9 * _random.NextDouble())),
            last, vwap, last);
    }
}
