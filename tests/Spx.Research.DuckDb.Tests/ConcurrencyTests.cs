namespace Spx.Research.DuckDb.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void Four_threads_with_their_own_connections_share_one_file_database()
    {
        using var dir = new TempDirectory();
        var connectionString = $"Data Source={dir.File("concurrent.duckdb")}";
        using (var setup = Db.Open(connectionString))
            setup.ExecuteNonQuery("CREATE TABLE events(worker INT, seq INT, payload VARCHAR)");

        const int workers = 4;
        const int perWorker = 500;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, workers).Select(worker => new Thread(() =>
        {
            try
            {
                using var connection = Db.Open(connectionString);
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO events VALUES ($w, $s, $p)";
                var w = insert.Parameters.AddWithValue("w", worker);
                var s = insert.Parameters.AddWithValue("s", 0);
                var p = insert.Parameters.AddWithValue("p", "");
                for (var i = 0; i < perWorker; i++)
                {
                    s.Value = i;
                    p.Value = $"worker {worker} event {i}";
                    insert.ExecuteNonQuery();
                    if (i % 50 == 0)
                    {
                        // Reads interleave with other threads' writes and must see all of our own.
                        var mine = connection.ExecuteScalar<long>("SELECT count(*) FROM events WHERE worker = ?", worker);
                        if (mine != i + 1) throw new InvalidOperationException($"worker {worker} saw {mine} rows, expected {i + 1}");
                    }
                }
                using var appender = connection.CreateAppender("events");
                for (var i = perWorker; i < 2 * perWorker; i++) appender.Append(worker).Append(i).Append($"bulk {worker}/{i}").EndRow();
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        using var check = Db.Open(connectionString);
        Assert.Equal(workers * 2L * perWorker, check.ExecuteScalar<long>("SELECT count(*) FROM events"));
        using var reader = check.ExecuteReader("SELECT worker, count(DISTINCT seq), min(seq), max(seq) FROM events GROUP BY worker ORDER BY worker");
        for (var worker = 0; worker < workers; worker++)
        {
            Assert.True(reader.Read());
            Assert.Equal(worker, reader.GetInt32(0));
            Assert.Equal(2L * perWorker, reader.GetInt64(1));
            Assert.Equal(0, reader.GetInt32(2));
            Assert.Equal(2 * perWorker - 1, reader.GetInt32(3));
        }
    }
}
