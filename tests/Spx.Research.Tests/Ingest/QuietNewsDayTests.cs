using Spx.Research.Ingest.Downloads;
using Spx.Research.Ingest.Pipeline;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// A session day on which no article lists the ticker keeps an empty news partition ("asked, nothing published"),
/// so a backfilled lake passes the session check; a weekend keeps none; an empty unit never drops another
/// ticker's articles of the same day (docs/ingest.md). Found on a backfilled year: six quiet sessions were
/// reported as incomplete. Real files.
/// </summary>
public sealed class QuietNewsDayTests : IDisposable
{
    private static readonly DateOnly Session = new(2025, 3, 4);
    private static readonly DateOnly Saturday = new(2025, 3, 8);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-quiet-news-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_session_without_articles_gets_an_empty_news_partition_and_a_weekend_none()
    {
        var lake = new LakeLayout(_root);
        var store = new UnitStore(lake);

        await store.Write(UnitRows.None("news"), "SPY", Session, overwrite: false, CancellationToken.None);
        await store.Write(UnitRows.None("news"), "SPY", Saturday, overwrite: false, CancellationToken.None);

        Assert.Single(lake.PartitionFiles("news", Session));
        Assert.Empty(lake.PartitionFiles("news", Saturday));
        using var session = LakeSession.Open(_root);
        Assert.Equal(0L, session.Scalar<long>("SELECT count(*) FROM news"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_empty_unit_keeps_another_tickers_articles_of_the_day(bool emptyFirst)
    {
        var lake = new LakeLayout(_root);
        var store = new UnitStore(lake);
        var spy = UnitRows.None("news");
        var qqq = new UnitRows("news", 1, appender => appender.CreateRow()
            .AppendValue("n-1").AppendValue(new DateTimeOffset(2025, 3, 4, 15, 0, 0, TimeSpan.Zero)).AppendValue(new List<string> { "QQQ" })
            .AppendValue("QQQ rises").AppendValue((string?)null).AppendValue((string?)null).AppendValue((string?)null).AppendValue((string?)null)
            .AppendValue((List<string>?)null).AppendValue((string?)null).AppendValue((string?)null).EndRow());

        foreach (var (rows, ticker) in emptyFirst ? [(spy, "SPY"), (qqq, "QQQ")] : new[] { (qqq, "QQQ"), (spy, "SPY") })
            await store.Write(rows, ticker, Session, overwrite: false, CancellationToken.None);

        using var session = LakeSession.Open(_root);
        Assert.Equal("n-1", session.Scalar<string>("SELECT string_agg(id, ',') FROM news"));
    }
}
