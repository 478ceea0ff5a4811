using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Tests.Synthetic;

/// <summary>
/// One synthetic week (2025-03-03 to 03-07, sample profile) written to a temp lake once for all the tests
/// that read it, with a scripted hedging episode on top of the random events so its label can be checked.
/// </summary>
public sealed class SyntheticLakeFixture : IDisposable
{
    public static readonly DateOnly From = new(2025, 3, 3);
    public static readonly DateOnly To = new(2025, 3, 7);

    /// <summary>3,000 puts over two sessions from Tuesday, followed straight away by a 6% two-session drawdown.</summary>
    public static readonly HedgingEpisode Scripted = new(
        "hedge-scripted", new DateOnly(2025, 3, 4), Sessions: 2, Root: "SPXW", TargetDte: 30,
        OtmFrom: 0.06, OtmTo: 0.12, Strikes: 3, Size: 3_000, StartMinute: 60, WindowMinutes: 90,
        DrawdownDepth: 0.06, DrawdownLag: 0, DrawdownSessions: 2);

    public SyntheticLakeFixture()
    {
        Root = Directory.CreateTempSubdirectory("spx-synthetic-").FullName;
        Options = new SyntheticMarketOptions
        {
            Seed = 7,
            Events = EventSettings.Default with { ExtraEpisodes = [Scripted], MomentumEventsPerSession = 1.0 },
        };
        Rows = SyntheticLakeWriter.Generate(new SyntheticMarket(Options), From, To, Root);
        Session = LakeSession.Open(Root);
    }

    public string Root { get; }

    public SyntheticMarketOptions Options { get; }

    public long Rows { get; }

    public LakeSession Session { get; }

    public void Dispose()
    {
        Session.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
