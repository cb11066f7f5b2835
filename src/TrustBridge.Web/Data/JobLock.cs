using Microsoft.EntityFrameworkCore;

namespace TrustBridge.Web.Data;

/// <summary>
/// A session advisory lock on PostgreSQL, so that of several web nodes only one runs a periodic job at a time. The
/// caller keeps the connection open while it holds the lock. On SQLite there is one process: always granted.
/// </summary>
public static class JobLock
{
    public static async Task<bool> TryTakeAsync(TrustDbContext db, DatabaseOptions database, long key, CancellationToken ct)
    {
        if (!database.IsPostgres) return true;
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"SELECT pg_try_advisory_lock({key})";
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    public static async Task ReleaseAsync(TrustDbContext db, DatabaseOptions database, long key, CancellationToken ct)
    {
        if (!database.IsPostgres) return;
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"SELECT pg_advisory_unlock({key})";
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
