using System.Data.Common;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Imports;

/// <summary>The open connection and transaction one import writes through, and what it has counted so far.</summary>
public sealed class ImportSession(DbConnection connection, DbTransaction transaction, bool isPostgres, DateTime now,
    ImportTally tally, HospitalClock clock, PatientIdentifierProtector protector, CancellationToken ct)
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public bool IsPostgres { get; } = isPostgres;
    /// <summary>created_at/updated_at of every row this import writes (microseconds, as PostgreSQL keeps them).</summary>
    public DateTime Now { get; } = now;
    public ImportTally Tally { get; } = tally;
    public HospitalClock Clock { get; } = clock;
    public PatientIdentifierProtector Protector { get; } = protector;
    public CancellationToken Ct { get; } = ct;

    public DbCommand Command(string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return cmd;
    }

    /// <summary>Natural key → id of every row of a registry table (departments, staff, patients).</summary>
    public async Task<Dictionary<string, int>> IdsByKeyAsync(string table, string keyColumn)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var cmd = Command($"SELECT {keyColumn}, id FROM {table}");
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        while (await r.ReadAsync(Ct)) map[r.GetString(0)] = r.GetInt32(1);
        return map;
    }
}
