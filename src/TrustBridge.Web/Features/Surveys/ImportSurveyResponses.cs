using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// Imports paper or external survey answers for one instrument from CSV, idempotent on response_id, in one
/// transaction (the same rules as the HIS imports, ADR 003). Low answers get service-recovery tasks, and new low answers
/// with a comment feedback cases (channel survey).
/// </summary>
public sealed class ImportSurveyResponses(TrustDbContext db, DatabaseOptions database, HospitalClock clock, PatientIdentifierProtector protector, AuditLog audit,
    Feedback.OpenCaseFromSurvey cases)
{
    private const string Upsert = """
        INSERT INTO survey_responses (response_key, instrument_id, encounter_date, department_id, staff_id, source, submitted_at, answers, score, trusts, recommend, overall, comment)
        VALUES (@k, @i, @d, @dep, @st, @src, @at, @a, @sc, @t, @r, @o, @c)
        ON CONFLICT (response_key) DO UPDATE SET instrument_id = excluded.instrument_id, encounter_date = excluded.encounter_date,
            department_id = excluded.department_id, staff_id = excluded.staff_id, source = excluded.source, answers = excluded.answers,
            score = excluded.score, trusts = excluded.trusts, recommend = excluded.recommend, overall = excluded.overall, comment = excluded.comment
        WHERE survey_responses.answers <> excluded.answers OR survey_responses.encounter_date <> excluded.encounter_date
            OR survey_responses.department_id <> excluded.department_id OR survey_responses.source <> excluded.source
            OR survey_responses.instrument_id <> excluded.instrument_id
            OR coalesce(survey_responses.staff_id, -1) <> coalesce(excluded.staff_id, -1)
            OR coalesce(survey_responses.comment, '') <> coalesce(excluded.comment, '')
        """;

    private const string RecoveryTasks = """
        INSERT INTO service_recovery_tasks (response_id, department_id, reason, score, recommend, comment, status, created_at)
        SELECT r.id, r.department_id,
               CASE WHEN r.score < 50 THEN 'score < 50' ELSE 'recommend ≤ 6 with a comment' END,
               r.score, r.recommend, r.comment, 'open', @now
        FROM survey_responses r
        WHERE r.instrument_id = @i AND (r.score < 50 OR (r.recommend <= 6 AND r.comment IS NOT NULL AND r.comment <> ''))
          AND NOT EXISTS (SELECT 1 FROM service_recovery_tasks t WHERE t.response_id = r.id)
        """;

    public async Task<ImportReport> RunAsync(string instrumentCode, Stream content, string? charset, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var instrument = await PublishedAsync(instrumentCode, null, ct);
        await using var spool = content.CanSeek ? null : await ImportRegistryFile.SpoolAsync(content, ct);
        var file = spool ?? content;
        var encoding = ImportText.Choose(file, charset);
        var tally = new ImportTally();
        await using var input = new ProgressStream(file, progress, tally);
        using var text = ImportText.Reader(input, encoding);
        var columns = ResponsesCsv.Columns(instrument);
        return await StoreAsync([instrument], tally, options, (validators, _) =>
            [(instrument.Id, ResponsesCsv.Rows(CsvTable.Open(text, encoding, columns), validators[instrument.Id], columns, tally))], ct);
    }

    /// <summary>
    /// The published version of an instrument answers are stored against: the given version, or the newest
    /// published. Unknown instrument → 404; not published → 422.
    /// </summary>
    public async Task<Instrument> PublishedAsync(string instrumentCode, int? version, CancellationToken ct)
    {
        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Items)
            .Where(i => i.Code == instrumentCode && i.Status == InstrumentStatuses.Published && (version == null || i.Version == version))
            .OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (instrument is not null) return instrument;
        if (!await db.Instruments.AnyAsync(i => i.Code == instrumentCode, ct))
            throw new ImportFileProblem(StatusCodes.Status404NotFound, "Unknown instrument", $"There is no instrument '{instrumentCode}'.");
        throw ImportFileProblem.Unprocessable("Instrument not published", version is null
            ? $"{instrumentCode} has no published version; answers can only be imported for a published instrument."
            : $"{instrumentCode} version {version} is not published; answers can only be imported for a published instrument.");
    }

    /// <summary>
    /// Stores checked answers (any format) in one transaction, idempotent on their key, keeping the daily sums, opening
    /// service-recovery tasks and feedback cases. <paramref name="rows"/> gets a validator per instrument and the session.
    /// </summary>
    public async Task<ImportReport> StoreAsync(IReadOnlyList<Instrument> instruments, ImportTally tally, ImportOptions options,
        Func<IReadOnlyDictionary<int, ResponseValidator>, ImportSession, IEnumerable<(int InstrumentId, IEnumerable<ResponseRow> Rows)>> rows, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        bool applied;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
            var s = new ImportSession(db.Database.GetDbConnection(), tx.GetDbTransaction(), database.IsPostgres,
                AuditLog.TruncateToMicroseconds(clock.UtcNow), tally, clock, protector, ct);
            var departments = await s.IdsByKeyAsync("departments", "code");
            var staff = await s.IdsByKeyAsync("staff", "code");
            var existing = await ExistingKeysAsync(s);
            var validators = instruments.ToDictionary(i => i.Id, i => new ResponseValidator(i, departments, staff, clock.Today));
            foreach (var (instrumentId, instrumentRows) in rows(validators, s))
            {
                await WriteAsync(s, instrumentId, instrumentRows, existing);
                await using (var recovery = s.Command(RecoveryTasks))
                {
                    recovery.AddParameter("@i", instrumentId);
                    recovery.AddParameter("@now", s.Now);
                    await recovery.ExecuteNonQueryAsync(ct);
                }
                // New low answers with a comment become feedback cases, in batches and in this transaction (new rows carry s.Now).
                await cases.ForAnswersAsync(instrumentId, s.Now, ct: ct);
            }
            applied = !(options.AllOrNothing && tally.RejectedRows > 0);
            if (applied)
            {
                var (ins, upd, same) = tally.Totals();
                await audit.RecordAsync(AuditActions.Imported, "survey-responses", options.FileName,
                    new { instrument = string.Join(",", instruments.Select(i => i.Code)), file = options.FileName, inserted = ins, updated = upd, unchanged = same, rejected = tally.RejectedRows }, ct);
                await tx.CommitAsync(ct);
                if (upd > 0) Trust.ReliabilityCache.AnswersRewritten();
            }
            else await tx.RollbackAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var (inserted, updated, unchanged) = applied ? tally.Totals() : (0, 0, 0);
        return new ImportReport("responses", applied, inserted, updated, unchanged, tally.RejectedRows, null, null, tally.Errors, tally.TotalErrors,
            Math.Round(watch.Elapsed.TotalSeconds, 3));
    }

    private static async Task<HashSet<string>> ExistingKeysAsync(ImportSession s)
    {
        // Readers go on; a concurrent submission or second import waits, so no key appears between this read and the COPY.
        if (s.IsPostgres)
            await using (var lockTable = s.Command("LOCK TABLE survey_responses IN SHARE ROW EXCLUSIVE MODE"))
                await lockTable.ExecuteNonQueryAsync(s.Ct);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = s.Command("SELECT response_key FROM survey_responses");
        await using var r = await cmd.ExecuteReaderAsync(s.Ct);
        while (await r.ReadAsync(s.Ct)) keys.Add(r.GetString(0));
        return keys;
    }

    /// <summary>
    /// New keys go in by COPY or multi-row INSERT (<see cref="NewResponsesWriter"/>). Stored keys: on PostgreSQL in
    /// buffers through <see cref="PostgresKnownResponses"/>; on SQLite (in process, no round trips) by one upsert
    /// command reused for every such row and kept prepared, whose affected count tells updated from unchanged.
    /// </summary>
    private async Task WriteAsync(ImportSession s, int instrumentId, IEnumerable<ResponseRow> rows, HashSet<string> existing)
    {
        await using var fresh = new NewResponsesWriter(s, instrumentId);
        var known = s.IsPostgres ? new PostgresKnownResponses(s, instrumentId) : null;
        await using var cmd = s.Command(Upsert);
        var p = new[] { "@k", "@i", "@d", "@dep", "@st", "@src", "@at", "@a", "@sc", "@t", "@r", "@o", "@c" }.Select(n =>
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = n;
            cmd.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        var at = s.Now;
        foreach (var row in rows)
        {
            if (!existing.Contains(row.Key))
            {
                await fresh.AddAsync(row);
                continue;
            }
            if (known is not null)
            {
                await known.AddAsync(row);
                continue;
            }
            p[0].Value = row.Key;
            p[1].Value = instrumentId;
            p[2].Value = row.EncounterDate;
            p[3].Value = row.DepartmentId;
            p[4].Value = (object?)row.StaffId ?? DBNull.Value;
            p[5].Value = row.Source;
            p[6].Value = at;
            p[7].Value = row.Scored.Answers;
            p[8].Value = (object?)row.Scored.Score ?? DBNull.Value;
            p[9].Value = (object?)row.Scored.Trusts ?? DBNull.Value;
            p[10].Value = (object?)row.Scored.Recommend ?? DBNull.Value;
            p[11].Value = (object?)row.Scored.Overall ?? DBNull.Value;
            p[12].Value = (object?)row.Scored.Comment ?? DBNull.Value;
            var affected = await cmd.ExecuteNonQueryAsync(s.Ct);
            s.Tally.Applied("responses", 0, affected, 1 - affected);
        }
        await fresh.FinishAsync();
        s.Tally.Applied("responses", fresh.Inserted, 0, 0);
        if (known is not null)
        {
            await known.FlushAsync();
            s.Tally.Applied("responses", 0, known.Updated, known.Unchanged);
        }
    }

}
