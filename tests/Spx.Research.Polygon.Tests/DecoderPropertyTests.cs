using FsCheck.Xunit;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>
/// Whatever a 200 body contains, each decoder yields results or throws <see cref="PolygonDecodeException"/> —
/// never a JsonException, NullReferenceException, ArgumentOutOfRangeException or the like. A mutated
/// <c>next_url</c> that cannot be followed may also end paging with <see cref="PolygonPaginationException"/>.
/// </summary>
public sealed class DecoderPropertyTests
{
    private static readonly DateOnly Day = new(2024, 1, 2);

    /// <summary>Each endpoint's reader, exercised through the whole client.</summary>
    private static readonly (string Name, Func<PolygonRestClient, Task> Read)[] Decoders =
    [
        ("aggs", c => c.Aggregates("SPY", 1, AggregateTimespan.Minute, Day, Day).ToListAsync()),
        ("contracts", c => c.OptionsContracts(new OptionsContractsQuery { UnderlyingTicker = "SPX" }).ToListAsync()),
        ("contract", c => c.OptionsContract("O:SPY251219C00600000")),
        ("chain", c => c.OptionChain("I:SPX").ToListAsync()),
        ("chain-one", c => c.OptionContractSnapshot("SPY", "O:SPY240119C00476000")),
        ("unified", c => c.Snapshots(["SPY", "I:SPX"]).ToListAsync()),
        ("status", c => c.MarketStatusNow()),
        ("upcoming", c => c.UpcomingMarketDays()),
        ("news", c => c.News(new NewsQuery { Ticker = "SPY" }).ToListAsync()),
    ];

    private static readonly IReadOnlyList<string> Fixtures = Fixture.All().Where(f => !f.StartsWith("error_", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Every_decoder_reads_its_own_fixture()
    {
        var own = new Dictionary<string, string>
        {
            ["aggs"] = "aggs_spy_minute.json",
            ["contracts"] = "contracts.json",
            ["contract"] = "contract_single.json",
            ["chain"] = "chain_spx.json",
            ["unified"] = "unified_snapshot.json",
            ["status"] = "marketstatus_now.json",
            ["upcoming"] = "marketstatus_upcoming.json",
            ["news"] = "news.json",
        };
        foreach (var (name, read) in Decoders.Where(d => own.ContainsKey(d.Name)))
        {
            Assert.Null(Run(read, Fixture.Read(own[name])));
        }
    }

    [Property(MaxTest = 400)]
    public bool Mutated_fixtures_decode_or_fail_typed(int decoder, int fixture, int kind, int position, int choice, string text)
    {
        var body = JsonMutation.Apply(Fixture.Read(Fixtures[Mod(fixture, Fixtures.Count)]), kind, position, choice, text);
        return IsAllowed(Run(Decoders[Mod(decoder, Decoders.Length)].Read, body));
    }

    [Property(MaxTest = 200)]
    public bool Random_text_decodes_or_fails_typed(int decoder, string text) =>
        IsAllowed(Run(Decoders[Mod(decoder, Decoders.Length)].Read, text ?? ""));

    [Property(MaxTest = 200)]
    public bool Twice_mutated_fixtures_decode_or_fail_typed(int decoder, int fixture, int kind1, int kind2, int position, int choice, string text)
    {
        var once = JsonMutation.Apply(Fixture.Read(Fixtures[Mod(fixture, Fixtures.Count)]), kind1, position, choice, text);
        string twice;
        try
        {
            twice = JsonMutation.Apply(once, kind2, position / 3, choice + 1, text);
        }
        catch (System.Text.Json.JsonException)
        {
            twice = once; // the first mutation left no parseable tree for a structural second one
        }

        return IsAllowed(Run(Decoders[Mod(decoder, Decoders.Length)].Read, twice));
    }

    private static bool IsAllowed(Exception? error) => error is null or PolygonDecodeException or PolygonPaginationException;

    private static Exception? Run(Func<PolygonRestClient, Task> read, string body)
    {
        // The first request gets the body; any page after it is empty, so a mutated next_url ends quickly.
        var handler = new FakeHandler((_, i) => i == 0 ? Canned.Ok(body) : Canned.Ok("{\"results\":[]}"));
        using var client = Clients.Fake(handler, o => o with { Retry = RetrySettings.None });
        try
        {
            read(client).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static int Mod(int value, int n) => ((value % n) + n) % n;
}
