using System.Data.Common;
using System.Diagnostics;

namespace TrustBridge.Bench;

/// <summary>
/// The raw baseline of the HTTP benchmarks: <paramref name="rows"/> single-statement transactions committed from
/// <paramref name="clients"/> connections at once (at most 90 on PostgreSQL, below its connection limit).
/// </summary>
public static class ConcurrentCommits
{
    public static async Task<TimeSpan> RunAsync(BenchDatabase db, int rows, int clients, Action<DbCommand, int> fill)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(clients, db.IsPostgres ? 90 : clients)).Select(async _ =>
        {
            await using var conn = await db.OpenAsync();
            if (!db.IsPostgres)
                await using (var pragma = conn.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
                    await pragma.ExecuteNonQueryAsync();
                }
            int i;
            while ((i = Interlocked.Increment(ref next)) < rows)
            {
                await using var tx = await conn.BeginTransactionAsync();
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                fill(cmd, i);
                await cmd.ExecuteNonQueryAsync();
                await tx.CommitAsync();
            }
        }));
        watch.Stop();
        return watch.Elapsed;
    }
}
