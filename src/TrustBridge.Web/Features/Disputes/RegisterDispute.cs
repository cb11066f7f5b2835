using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Core.Disputes;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Notifications;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>Registers a dispute directly (POST /api/disputes) or from a feedback case being escalated; validates everything first.</summary>
public sealed class RegisterDispute(TrustDbContext db, HospitalClock clock, AuditLog audit, DatabaseOptions database, Outbox outbox, IOptions<DisputeOptions> options)
{
    public const string MajorAlert = "dispute-major";

    public async Task<DisputeResult> RunAsync(DisputeInput input, string actor, CancellationToken ct)
    {
        var (dispute, error) = await BuildAsync(input, actor, null, ct);
        if (dispute is null) return error!;
        await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
        await db.SaveChangesAsync(ct);
        await AuditCreatedAsync(dispute, ct);
        await tx.CommitAsync(ct);
        return DisputeResult.Done(dispute.Id);
    }

    public Task AuditCreatedAsync(Dispute d, CancellationToken ct) => audit.RecordAsync(AuditActions.Created, "dispute", d.Id.ToString(CultureInfo.InvariantCulture),
        new { d.Reference, d.Major, d.FeedbackCaseId, departments = d.Departments.Count, staff = d.Staff.Count }, ct);

    /// <summary>The dispute with its parties and first history entry, added to the unit of work but not saved; or the first error.</summary>
    public async Task<(Dispute? Dispute, DisputeResult? Error)> BuildAsync(DisputeInput input, string actor, FeedbackCase? fromCase, CancellationToken ct)
    {
        static (Dispute?, DisputeResult?) Bad(string field, string message) => (null, DisputeResult.Invalid(field, message));
        var o = options.Value;
        var claim = input.Claim?.Trim();
        if (string.IsNullOrEmpty(claim)) return Bad("claim", "Say what the family claims.");
        if (claim.Length > 20000) return Bad("claim", "The claim is longer than 20,000 characters.");
        var amount = input.ClaimedAmount ?? 0m;
        if (!Money.Valid(amount)) return Bad("claimedAmount", "The amount claimed is a non-negative number of 元 with at most 2 decimals.");
        var arisen = input.ArisenOn ?? (fromCase is null ? (DateOnly?)null : clock.LocalDate(fromCase.ReceivedAt));
        if (arisen is not { } arisenOn) return Bad("arisenOn", "Give the date the dispute arose (YYYY-MM-DD).");
        if (arisenOn > clock.Today) return Bad("arisenOn", "The dispute cannot arise in the future.");
        var knew = input.KnewOn ?? arisenOn;
        if (knew > clock.Today) return Bad("knewOn", "The patient cannot know of the harm in the future.");
        var died = input.PatientDied ?? false;
        var severity = input.Severity ?? (died ? DisputeSeverities.Death : DisputeSeverities.Moderate);
        if (!DisputeSeverities.All.Contains(severity)) return Bad("severity", $"Unknown severity '{severity}'; use {string.Join(", ", DisputeSeverities.All)}.");
        if (input.DiedAt is not null && !died) return Bad("diedAt", "A time of death needs patientDied true.");
        if (input.ReportedBy is { Length: > 100 } || input.PatientName is { Length: > 100 }) return Bad("reportedBy", "Names are at most 100 characters.");

        int? patientId = fromCase?.PatientId;
        if (!string.IsNullOrWhiteSpace(input.PatientMrn))
        {
            patientId = await db.Patients.Where(p => p.Mrn == input.PatientMrn.Trim()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (patientId is null) return Bad("patientMrn", $"Unknown patient '{input.PatientMrn}'.");
        }
        var encounterIds = (input.EncounterIds ?? []).Distinct().ToList();
        if (fromCase?.EncounterId is { } caseEncounter && !encounterIds.Contains(caseEncounter)) encounterIds.Add(caseEncounter);
        var encounters = await db.Encounters.Where(e => encounterIds.Contains(e.Id)).Select(e => new { e.Id, e.PatientId, e.DepartmentId, e.AttendingStaffId }).ToListAsync(ct);
        if (encounterIds.Except(encounters.Select(e => e.Id)).FirstOrDefault() is var missing && encounters.Count < encounterIds.Count)
            return Bad("encounterIds", $"Unknown encounter {missing}.");
        if (patientId is { } pid && encounters.Any(e => e.PatientId != pid)) return Bad("encounterIds", "An encounter belongs to another patient.");
        patientId ??= encounters.Select(e => (int?)e.PatientId).FirstOrDefault();

        var codes = (input.DepartmentCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var departments = await db.Departments.Where(d => codes.Contains(d.Code)).Select(d => new { d.Id, d.Code }).ToListAsync(ct);
        if (codes.Except(departments.Select(d => d.Code)).FirstOrDefault() is { } unknownDept) return Bad("departmentCodes", $"Unknown department '{unknownDept}'.");
        var departmentIds = departments.Select(d => d.Id).ToList();
        if (fromCase is not null)
        {
            departmentIds.AddRange(fromCase.Departments.Select(d => d.DepartmentId));
            if (fromCase.DepartmentId is { } cd) departmentIds.Add(cd);
        }
        departmentIds.AddRange(encounters.Select(e => e.DepartmentId));
        departmentIds = departmentIds.Distinct().ToList();
        if (departmentIds.Count == 0 && fromCase is null) return Bad("departmentCodes", "Name at least one department involved (or an encounter).");

        var staffCodes = (input.StaffCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var staff = await db.Staff.Where(s => staffCodes.Contains(s.Code)).Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        if (staffCodes.Except(staff.Select(s => s.Code)).FirstOrDefault() is { } unknownStaff) return Bad("staffCodes", $"Unknown staff '{unknownStaff}'.");
        var staffIds = staff.Select(s => s.Id).ToList();
        if (fromCase?.StaffId is { } cs) staffIds.Add(cs);
        staffIds = staffIds.Distinct().ToList();

        var now = clock.UtcNow;
        var major = (input.Major ?? false) || died || o.MajorSeverities.Contains(severity);
        var d = new Dispute
        {
            Reference = DisputeReferences.New(), PatientId = patientId, PatientName = input.PatientName?.Trim(), Claim = claim, ClaimedAmount = amount,
            ArisenOn = arisenOn, KnewOn = knew, Severity = severity, PatientDied = died, DiedAt = input.DiedAt, BodyFrozen = input.BodyFrozen ?? false,
            ReportedBy = input.ReportedBy?.Trim(), Major = major, FeedbackCaseId = fromCase?.Id, NegotiationNotes = input.NegotiationNotes,
            CreatedBy = actor, CreatedAt = now, UpdatedAt = now,
            Departments = [.. departmentIds.Select(id => new DisputeDepartment { DepartmentId = id })],
            Staff = [.. staffIds.Select(id => new DisputeStaff { StaffId = id })],
            Encounters = [.. encounters.Select(e => new DisputeEncounter { EncounterId = e.Id })],
        };
        db.Disputes.Add(d);
        DisputeHistory.Add(db, d, now, "registered", actor, fromCase is null ? "登记纠纷" : $"由反馈工单 {fromCase.Id} 转为纠纷");
        if (major) AlertMajor(d, now, actor);
        return (d, null);
    }

    /// <summary>A major dispute (art. 28): the office lead and the executive are told through the outbox.</summary>
    public void AlertMajor(Dispute d, DateTime now, string actor)
    {
        var o = options.Value;
        var body = $"【重大医疗纠纷】纠纷 {d.Reference}{(d.PatientDied ? "（患者死亡）" : "")}已登记，请关注并按规定向卫生健康主管部门报告。";
        foreach (var r in o.OfficeLead.Concat(o.Executive).Where(r => !string.IsNullOrWhiteSpace(r.Address)).DistinctBy(r => (r.Channel, r.Address)))
            outbox.Add(MajorAlert, r.Channel, r.Address, string.IsNullOrWhiteSpace(r.Name) ? r.Address : r.Name, body,
                JsonSerializer.Serialize(new { reference = d.Reference }), $"dispute:{d.Reference}");
        DisputeHistory.Add(db, d, now, "major", actor, "重大纠纷：已通知科室负责人与院领导");
    }
}

/// <summary>Writes a dispute's history in the caller's unit of work.</summary>
public static class DisputeHistory
{
    public static void Add(TrustDbContext db, Dispute d, DateTime at, string kind, string? actor, string? text)
    {
        var e = new DisputeEvent { At = at, Kind = kind, ActorName = actor, Text = text is { Length: > 4000 } ? text[..4000] : text };
        if (d.Id == 0) d.Events.Add(e);
        else { e.DisputeId = d.Id; db.DisputeEvents.Add(e); }
    }
}
