using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Demo;

public sealed record DemoProgress(string Stage, long Done, long Total);

public sealed record DemoSeedResult(bool Seeded, string Message, int Departments, int Staff, int Patients, int Encounters,
    IReadOnlyList<DemoLogin> Logins, TimeSpan Elapsed);

/// <summary>
/// Fills an empty registry with the demo hospital: departments and staff through EF, patients and encounters in
/// bulk, all in one transaction (a failed seed leaves the registry empty), then the demo logins and one audit row.
/// A registry that already has data is left alone.
/// </summary>
public sealed class DemoHospitalSeeder(
    TrustDbContext db, DatabaseOptions options, HospitalClock clock, PatientIdentifierProtector protector, AuditLog audit,
    IServiceProvider services, ILogger<DemoHospitalSeeder> log)
{
    private const long SeedLockKey = 0x64656d6f; // "demo"

    public async Task<string?> RegistryContentsAsync(CancellationToken ct = default)
    {
        var counts = new[]
        {
            (await db.Departments.CountAsync(ct), "departments"), (await db.Staff.CountAsync(ct), "staff"),
            (await db.Patients.CountAsync(ct), "patients"), (await db.Encounters.CountAsync(ct), "encounters"),
        };
        return counts.Any(c => c.Item1 > 0) ? string.Join(", ", counts.Where(c => c.Item1 > 0).Select(c => $"{c.Item1:N0} {c.Item2}")) : null;
    }

    public async Task<DemoSeedResult> SeedAsync(DemoSize size, int seed, string password, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (await RegistryContentsAsync(ct) is { } existing)
            return Skipped(existing, watch);

        progress?.Report(new DemoProgress("Planning the hospital", 0, 1));
        var hospital = new DemoHospitalGenerator(seed, clock).Generate(size);
        var total = hospital.Departments.Count + hospital.Staff.Count + hospital.Patients.Count + (long)hospital.Encounters.Length;
        long done = 0;
        void Advance(string stage, int n) => progress?.Report(new DemoProgress(stage, done += n, total));
        Advance("Planning the hospital", 0);

        // Creating the first Data Protection key writes to the database from its own connection: do it now, not
        // while this seed's transaction holds SQLite's write lock.
        protector.ProtectMobile("13800000000");
        var now = AuditLog.TruncateToMicroseconds(clock.UtcNow);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        int[] departmentIds, staffIds;
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                if (options.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);
                // Another web node may have seeded while this one was planning.
                if (await RegistryContentsAsync(ct) is { } raced) return Skipped(raced, watch);

                departmentIds = await WriteDepartmentsAsync(hospital.Departments, now, ct);
                Advance("Departments", hospital.Departments.Count);
                staffIds = await WriteStaffAsync(hospital.Staff, departmentIds, now, ct);
                Advance("Staff", hospital.Staff.Count);

                var writer = new DemoRegistryWriter(db, protector, clock);
                await writer.WritePatientsAsync(hospital.Patients, now, n => Advance("Patients", n), ct);
                await writer.WriteEncountersAsync(hospital.Encounters, departmentIds, staffIds, now, n => Advance("Encounters", n), ct);
                progress?.Report(new DemoProgress("Committing", done, total));
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }

        // The generator makes cardiology's first doctor its head (主任医师) and the second Dr Zhang (主治医师).
        var cardiology = hospital.Staff.Where(s => hospital.Departments[s.DepartmentIndex].Code == DemoDepartments.CardiologyCode && s.Attends).ToList();
        var logins = await DemoAccounts.EnsureAsync(services, password, cardiology[0], cardiology[1], ct);
        progress?.Report(new DemoProgress("Survey wave", done, total));
        var wave = await services.GetRequiredService<DemoSurveyWave>().RunAsync(seed, ct);
        var satisfaction = await services.GetRequiredService<DemoSatisfactionAnswers>().RunAsync(seed, ct);
        var feedbackCases = await services.GetRequiredService<DemoFeedbackCases>().RunAsync(seed, DemoFeedbackCases.CountFor(size), ct);
        var disputes = await services.GetRequiredService<DemoDisputes>().RunAsync(seed, ct);
        var portal = await services.GetRequiredService<DemoPortal>().RunAsync(seed, ct);

        var counts = new
        {
            size = size.Name, seed,
            departments = hospital.Departments.Count, staff = hospital.Staff.Count,
            patients = hospital.Patients.Count, encounters = hospital.Encounters.Length,
            deceased = hospital.Patients.Count(p => p.DeceasedOn is not null),
            logins = logins.Select(l => l.Email).ToArray(),
            surveyWave = wave,
            satisfactionAnswers = satisfaction,
            feedbackCases,
            disputes,
            portal,
        };
        await audit.RecordAsync(AuditActions.DemoSeeded, "registry", null, counts, ct);
        watch.Stop();
        log.LogInformation("Seeded the {Size} demo hospital (seed {Seed}): {Patients} patients, {Encounters} encounters in {Seconds:F1} s",
            size.Name, seed, counts.patients, counts.encounters, watch.Elapsed.TotalSeconds);
        return new DemoSeedResult(true, $"Seeded the {size.Name} demo hospital (seed {seed}).", counts.departments, counts.staff,
            counts.patients, counts.encounters, logins, watch.Elapsed);
    }

    private static DemoSeedResult Skipped(string existing, Stopwatch watch) =>
        new(false, $"Demo data skipped: the registry already has data ({existing}). Demo data is only seeded into an empty registry.",
            0, 0, 0, 0, [], watch.Elapsed);

    private async Task<int[]> WriteDepartmentsAsync(IReadOnlyList<DemoDepartment> departments, DateTime now, CancellationToken ct)
    {
        var entities = departments.Select(d => new Department { Code = d.Code, Name = d.Name, Kind = d.Kind, CreatedAt = now, UpdatedAt = now }).ToArray();
        // Parents first, so children can point at their ids.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < departments.Count; i++)
            {
                if ((departments[i].ParentCode is null) != (pass == 0)) continue;
                if (departments[i].ParentCode is { } parent)
                    entities[i].ParentId = entities[departments.ToList().FindIndex(d => d.Code == parent)].Id;
                db.Departments.Add(entities[i]);
            }
            await db.SaveChangesAsync(ct);
        }
        return entities.Select(e => e.Id).ToArray();
    }

    private async Task<int[]> WriteStaffAsync(IReadOnlyList<DemoStaff> staff, int[] departmentIds, DateTime now, CancellationToken ct)
    {
        var entities = staff.Select(s => new Staff
        {
            Code = s.Code, Name = s.Name, Title = s.Title, DepartmentId = departmentIds[s.DepartmentIndex], LicenceNumber = s.LicenceNumber,
            Specialties = s.Specialties, Bio = s.Bio, CreatedAt = now, UpdatedAt = now,
        }).ToArray();
        db.Staff.AddRange(entities);
        await db.SaveChangesAsync(ct);
        return entities.Select(e => e.Id).ToArray();
    }
}
