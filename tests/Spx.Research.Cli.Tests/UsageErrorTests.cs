namespace Spx.Research.Cli.Tests;

/// <summary>
/// Every usage error of every verb is one line in the user's terms — the option, the value as typed and what
/// was expected — with exit code 2 and nothing on stdout. No .NET type names, no guessed dates.
/// </summary>
public sealed class UsageErrorTests
{
    // A discard port: nothing leaves the machine even if a row were (wrongly) accepted.
    private const string Nowhere = "http://127.0.0.1:9";

    public static TheoryData<string, string[]> Cases => new()
    {
        // calendar
        { "--from '03/04/2025' is not a date: use YYYY-MM-DD", ["calendar", "--from", "03/04/2025", "--to", "2025-04-05"] },
        { "--to '2025-4-5' is not a date: use YYYY-MM-DD", ["calendar", "--from", "2025-04-01", "--to", "2025-4-5"] },
        { "--from '0001-01-01' is outside the NYSE calendar's range, 1990-01-01..2030-12-31", ["calendar", "--from", "0001-01-01", "--to", "2025-01-01"] },
        { "--format 'xml' is not one of: table, csv, json", ["calendar", "--from", "2025-01-01", "--to", "2025-01-02", "--format", "xml"] },
        { "--format '2' is not one of: table, csv, json", ["calendar", "--from", "2025-01-01", "--to", "2025-01-02", "--format", "2"] },
        { "--to 2025-01-01 is before --from 2025-02-01", ["calendar", "--from", "2025-02-01", "--to", "2025-01-01"] },
        // generate, simulate, notebook, sql, lake
        { "--from 'March 3' is not a date", ["generate", "--from", "March 3", "--to", "2025-03-07"] },
        { "--seed 'x' is not a whole number", ["generate", "--from", "2025-03-03", "--to", "2025-03-07", "--seed", "x"] },
        { "--port '70000' must be between 0 and 65535", ["simulate", "serve", "--port", "70000"] },
        { "--seed '1e3' is not a whole number", ["simulate", "serve", "--seed", "1e3"] },
        { "--from '2025/03/03' is not a date", ["simulate", "serve", "--seed", "1", "--from", "2025/03/03"] },
        { "--cell-timeout 'abc' is not a number", ["notebook", "run", "x.ipynb", "--cell-timeout", "abc"] },
        { "--cell-timeout '0' must be greater than 0", ["notebook", "run", "x.ipynb", "--cell-timeout", "0"] },
        { "--format 'yaml' is not one of: table, csv, json", ["sql", "select 1", "--format", "yaml"] },
        { "--format 'yaml' is not one of: table, csv, json", ["lake", "info", "--format", "yaml"] },
        // api: shared options
        { "--timeout '30' is not a duration: use 500ms, 90s, 5m, 1h, 2d or hh:mm:ss", ["api", "status", "--timeout", "30"] },
        { "--timeout '0s' must be longer than zero", ["api", "status", "--timeout", "0s"] },
        { "--retries '-1' must be between 0 and 50", ["api", "status", "--retries", "-1"] },
        { "--retries 'many' is not a whole number", ["api", "holidays", "--retries", "many"] },
        // api aggs
        { "--from '03/04/2025' is not a date", ["api", "aggs", "SPY", "--from", "03/04/2025", "--to", "2025-03-04"] },
        { "--from '0001-01-01' is before 1970-01-01", ["api", "aggs", "SPY", "--from", "0001-01-01", "--to", "2025-03-04"] },
        { "--timespan 'weeks' is not one of: second, minute, hour, day, week, month, quarter, year", ["api", "aggs", "SPY", "--from", "2025-03-03", "--to", "2025-03-04", "--timespan", "weeks"] },
        { "--timespan '4' is not one of", ["api", "aggs", "SPY", "--from", "2025-03-03", "--to", "2025-03-04", "--timespan", "4"] },
        { "--multiplier '0' must be at least 1", ["api", "aggs", "SPY", "--from", "2025-03-03", "--to", "2025-03-04", "--multiplier", "0"] },
        { "--multiplier 'two' is not a whole number", ["api", "aggs", "SPY", "--from", "2025-03-03", "--to", "2025-03-04", "--multiplier", "two"] },
        { "<ticker> 'O:SPX!!' is not an option ticker", ["api", "aggs", "O:SPX!!", "--from", "2025-03-03", "--to", "2025-03-04"] },
        { "<ticker> 'spy' is not a ticker", ["api", "aggs", "spy", "--from", "2025-03-03", "--to", "2025-03-04"] },
        { "<ticker> 'I:' is not an index ticker", ["api", "aggs", "I:", "--from", "2025-03-03", "--to", "2025-03-04"] },
        { "--to 2025-03-03 is before --from 2025-03-05", ["api", "aggs", "SPY", "--from", "2025-03-05", "--to", "2025-03-03", "--key", "k", "--base-url", Nowhere] },
        // api contracts, chain
        { "--underlying 'O:SPXW241220P05800000' is an option ticker; give its underlying", ["api", "contracts", "--underlying", "O:SPXW241220P05800000"] },
        { "--as-of '2025-02-30' is not a date", ["api", "contracts", "--underlying", "SPX", "--as-of", "2025-02-30"] },
        { "--type 'puts' is not one of: call, put", ["api", "contracts", "--underlying", "SPX", "--type", "puts"] },
        { "--expiration-lte 2025-03-01 is before --expiration-gte 2025-03-20", ["api", "contracts", "--underlying", "SPX", "--expiration-gte", "2025-03-20", "--expiration-lte", "2025-03-01", "--key", "k", "--base-url", Nowhere] },
        { "<underlying> 'SPX$' is not a ticker", ["api", "chain", "SPX$"] },
        { "--strike-gte '-5' must be greater than 0", ["api", "chain", "SPX", "--strike-gte", "-5"] },
        { "--strike-lte 5 is before --strike-gte 10", ["api", "chain", "SPX", "--strike-gte", "10", "--strike-lte", "5", "--key", "k", "--base-url", Nowhere] },
        { "--expiration-gte '20250320' is not a date", ["api", "chain", "SPX", "--expiration-gte", "20250320"] },
        // api snapshot, news, status
        { "<tickers> 'O:SPY2512' is not an option ticker", ["api", "snapshot", "SPY", "O:SPY2512"] },
        { "--ticker 'Apple' is not a ticker", ["api", "news", "--ticker", "Apple"] },
        { "--limit '0' must be at least 1", ["api", "news", "--limit", "0"] },
        // api stream
        { "--for '2x' is not a duration", ["api", "stream", "--subscribe", "A.SPY", "--for", "2x"] },
        { "--for '2' is not a duration", ["api", "stream", "--subscribe", "A.SPY", "--for", "2"] },
        { "--for '8d' must be between 1s and 7d", ["api", "stream", "--subscribe", "A.SPY", "--for", "8d"] },
        { "--cluster 'crypto' is not one of: stocks, options, indices", ["api", "stream", "--subscribe", "A.SPY", "--cluster", "crypto"] },
        { "--subscribe 'SPY' is not a topic: expected EVENT.TICKER", ["api", "stream", "--subscribe", "SPY"] },
        { "--subscribe 'AM.O:SPX!!' is not an option ticker", ["api", "stream", "--subscribe", "A.SPY,AM.O:SPX!!"] },
        // no such verb, missing values
        { "Unrecognized command or argument 'nope'", ["nope"] },
        { "Option '--from' is required", ["api", "aggs", "SPY", "--to", "2025-03-04"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_usage_error_is_one_line_in_the_users_terms_and_exits_2(string expected, string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("spx: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("System.", line);
        Assert.DoesNotContain("Spx.Research.", line);
    }

    [Theory]
    [InlineData(new[] { "calendar", "--from", "2025" }, "spx calendar --help")]
    [InlineData(new[] { "api", "aggs", "SPY", "--from", "x", "--to", "2025-03-04" }, "spx api aggs --help")]
    [InlineData(new[] { "nope" }, "spx --help")]
    public void The_line_names_the_help_of_the_verb_that_failed(string[] args, string help)
    {
        Assert.EndsWith($"(see '{help}')", CliRun.Of(args).Error.TrimEnd());
    }
}
