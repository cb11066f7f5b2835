using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace TrustBridge.Bench;

/// <summary>The submission benchmark's data: a sent wave seeded in SQL, and the raw single-row commit baseline.</summary>
public static class SubmitWave
{
    /// <summary>A trust-10 wave with one sent invitation (a fresh 32-hex-digit token) for the first encounter of each patient.</summary>
    public static async Task<List<string>> SeedAsync(BenchDatabase db, int invitations)
    {
        var pg = db.IsPostgres;
        var now = pg ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        var expires = pg ? "now() + interval '30 days'" : "strftime('%Y-%m-%d %H:%M:%f', 'now', '+30 days')";
        var today = pg ? "current_date" : "date('now')";
        var token = pg ? "md5(random()::text || e.id::text)" : "lower(hex(randomblob(16)))";
        var day = pg ? "(e.started_at AT TIME ZONE 'Asia/Shanghai')::date" : "date(e.started_at)";
        await using var conn = await db.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                INSERT INTO survey_waves (name, instrument_id, period_from, period_to, contact_date, margin, response_rate, seed, created_at, created_by, draw_summary)
                SELECT 'bench submit', id, {today}, {today}, {today}, 0.05, 0.3, 1, {now}, 'bench', '{"{}"}' FROM instruments WHERE code = 'trust-10';
                INSERT INTO survey_invitations (wave_id, patient_id, encounter_id, department_id, staff_id, token, contact_date, encounter_date, status, created_at, expires_at, sent_at)
                SELECT (SELECT max(id) FROM survey_waves), e.patient_id, e.id, e.department_id, e.attending_staff_id, {token}, {today}, {day}, 'sent', {now}, {expires}, {now}
                FROM encounters e WHERE e.id IN (SELECT min(id) FROM encounters GROUP BY patient_id)
                ORDER BY e.id LIMIT {invitations};
                """;
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        var tokens = new List<string>();
        await using var read = conn.CreateCommand();
        read.CommandText = "SELECT token FROM survey_invitations ORDER BY id";
        await using var r = await read.ExecuteReaderAsync();
        while (await r.ReadAsync()) tokens.Add(r.GetString(0));
        return tokens;
    }

    /// <summary>
    /// Rows committed one per transaction from <paramref name="clients"/> connections at once; deleted again afterwards.
    /// With <paramref name="chainLock"/> (PostgreSQL) each transaction first takes the audit chain's advisory lock, as
    /// every audited write does, so commits are serialised: that is the ceiling the audit chain puts on submissions.
    /// </summary>
    public static async Task<TimeSpan> RawInsertsAsync(BenchDatabase db, int rows, int clients, bool chainLock = false)
    {
        var pg = db.IsPostgres;
        var instrument = Convert.ToInt32(await db.ScalarAsync("SELECT id FROM instruments WHERE code = 'trust-10'"), CultureInfo.InvariantCulture);
        var department = Convert.ToInt32(await db.ScalarAsync("SELECT min(id) FROM departments"), CultureInfo.InvariantCulture);
        var elapsed = await ConcurrentCommits.RunAsync(db, rows, clients, (cmd, i) =>
        {
            cmd.CommandText = (chainLock ? "SELECT pg_advisory_xact_lock(418581342580); " : "") + $"""
                INSERT INTO survey_responses (response_key, instrument_id, encounter_date, department_id, source, submitted_at, answers, score, trusts)
                VALUES (@k, {instrument}, {(pg ? "current_date" : "date('now')")}, {department}, 'paper', {(pg ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')")},
                        'T01=3;T02=4;T03=5;T04=1;T05=2;T06=3;T07=4;T08=5;T09=1;T10=2', 50, {(pg ? "false" : "0")})
                """;
            var p = cmd.CreateParameter();
            p.ParameterName = "@k";
            p.Value = "raw-" + i.ToString(CultureInfo.InvariantCulture);
            cmd.Parameters.Add(p);
        });
        await db.ScalarAsync("DELETE FROM survey_responses WHERE response_key LIKE 'raw-%'");
        return elapsed;
    }
}
