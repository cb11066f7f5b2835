using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Demo;

/// <summary>
/// Writes demo patients and encounters in bulk inside the caller's transaction, with explicit ids (the tables are
/// empty): binary COPY on PostgreSQL, one prepared INSERT reused per row on SQLite. EF change tracking would spend
/// minutes on a million rows; this takes seconds.
/// </summary>
internal sealed class DemoRegistryWriter(TrustDbContext db, PatientIdentifierProtector protector, HospitalClock clock)
{
    private const int Chunk = 10_000;

    public async Task WritePatientsAsync(IReadOnlyList<DemoPatient> patients, DateTime now, Action<int> progress, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Demo rows are written inside a transaction.");
        var mobile = new (string Encrypted, string Masked)?[Chunk];
        var idNumber = new (string Encrypted, string Masked)?[Chunk];
        const string columns = "id, mrn, name, gender, birth_date, mobile_encrypted, mobile_masked, id_number_encrypted, id_number_masked, deceased_on, survey_opt_out, created_at, updated_at";

        await using var importer = conn is NpgsqlConnection pg
            ? await pg.BeginBinaryImportAsync($"COPY patients ({columns}) FROM STDIN (FORMAT BINARY)", ct) : null;
        await using var insert = importer is null ? Prepare(conn, tx, "patients", columns) : null;

        for (var start = 0; start < patients.Count; start += Chunk)
        {
            var n = Math.Min(Chunk, patients.Count - start);
            // Encryption is the costly part of a patient row; the protector is thread-safe.
            Parallel.For(0, n, new ParallelOptions { CancellationToken = ct }, k =>
            {
                mobile[k] = protector.ProtectMobile(patients[start + k].Mobile);
                idNumber[k] = protector.ProtectIdNumber(patients[start + k].IdNumber);
            });
            for (var k = 0; k < n; k++)
            {
                var p = patients[start + k];
                object?[] row =
                [
                    start + k + 1, p.Mrn, p.Name, p.Gender, p.BirthDate, mobile[k]?.Encrypted, mobile[k]?.Masked,
                    idNumber[k]?.Encrypted, idNumber[k]?.Masked, p.DeceasedOn, p.SurveyOptOut, now, now,
                ];
                if (importer is not null) await WriteRowAsync(importer, row, PatientTypes, ct);
                else await ExecuteAsync(insert!, row, ct);
            }
            progress(n);
        }
        if (importer is not null)
        {
            await importer.CompleteAsync(ct);
            await importer.CloseAsync(ct);
            await ResetIdentityAsync(conn, tx, "patients", ct);
        }
    }

    public async Task WriteEncountersAsync(DemoEncounter[] encounters, int[] departmentIds, int[] staffIds, DateTime now, Action<int> progress, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Demo rows are written inside a transaction.");
        const string columns = "id, his_id, patient_id, type, department_id, attending_staff_id, started_at, ended_at, discharge_disposition, created_at, updated_at";

        await using var importer = conn is NpgsqlConnection pg
            ? await pg.BeginBinaryImportAsync($"COPY encounters ({columns}) FROM STDIN (FORMAT BINARY)", ct) : null;
        await using var insert = importer is null ? Prepare(conn, tx, "encounters", columns) : null;

        for (var i = 0; i < encounters.Length; i++)
        {
            var e = encounters[i];
            long id = i + 1;
            object?[] row =
            [
                id, e.HisId(id, clock.LocalDate(e.StartedAt)), e.PatientIndex + 1, e.Type, departmentIds[e.DepartmentIndex], staffIds[e.StaffIndex],
                e.StartedAt, e.EndedAt, e.DischargeDisposition, now, now,
            ];
            if (importer is not null) await WriteRowAsync(importer, row, EncounterTypes, ct);
            else await ExecuteAsync(insert!, row, ct);
            if ((i + 1) % Chunk == 0 || i == encounters.Length - 1) progress((i % Chunk) + 1);
        }
        if (importer is not null)
        {
            await importer.CompleteAsync(ct);
            await importer.CloseAsync(ct);
            await ResetIdentityAsync(conn, tx, "encounters", ct);
        }
    }

    private static readonly NpgsqlDbType[] PatientTypes =
    [
        NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Varchar,
        NpgsqlDbType.Text, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Boolean, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz,
    ];

    private static readonly NpgsqlDbType[] EncounterTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz,
    ];

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, object?[] row, NpgsqlDbType[] types, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        for (var c = 0; c < row.Length; c++)
        {
            if (row[c] is null) await importer.WriteNullAsync(ct);
            else await importer.WriteAsync(row[c], types[c], ct);
        }
    }

    private static DbCommand Prepare(DbConnection conn, DbTransaction tx, string table, string columns)
    {
        var names = columns.Split(", ");
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
        foreach (var n in names)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + n;
            cmd.Parameters.Add(p);
        }
        cmd.Prepare();
        return cmd;
    }

    /// <summary>Microsoft.Data.Sqlite binds DateTime, DateOnly and bool the way EF Core stores them.</summary>
    private static Task<int> ExecuteAsync(DbCommand cmd, object?[] row, CancellationToken ct)
    {
        for (var c = 0; c < row.Length; c++) cmd.Parameters[c].Value = row[c] ?? DBNull.Value;
        return cmd is SqliteCommand sqlite ? Task.FromResult(sqlite.ExecuteNonQuery()) : cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task ResetIdentityAsync(DbConnection conn, DbTransaction tx, string table, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))";
        await cmd.ExecuteScalarAsync(ct);
    }
}
