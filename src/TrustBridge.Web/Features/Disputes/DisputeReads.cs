using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Disputes;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Disputes;

public sealed record DisputeFilter(string? Status = null, string? Route = null, string? DepartmentCode = null, string? View = null, string? Q = null,
    int? Year = null, int? Page = null, int? PageSize = null)
{
    /// <summary>due-soon, overdue, major.</summary>
    public static readonly string[] Views = ["due-soon", "overdue", "major"];
}

/// <summary>Reading disputes: one dispute (full or, for a named clinician, only its status) and the queue. Every read is audited.</summary>
public sealed class DisputeReads(TrustDbContext db, HospitalClock clock, HospitalCalendar calendar, AuditLog audit)
{
    public const string Viewed = "dispute.viewed";
    public const string ListViewed = "dispute.list-viewed";

    /// <summary>The dispute as the viewer may see it (a <see cref="DisputeDetail"/> or a <see cref="DisputeGlimpse"/>), or null.</summary>
    public async Task<object?> GetAsync(int id, DisputeViewer viewer, CancellationToken ct = default)
    {
        var d = await Load(DisputeAccess.Visible(db.Disputes.AsNoTracking(), viewer)).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        await audit.RecordAsync(Viewed, "dispute", id.ToString(CultureInfo.InvariantCulture), new { d.Reference, view = viewer.SeesDetail ? "full" : "named" }, ct);
        if (!viewer.SeesDetail) return new DisputeGlimpse(d.Id, d.Reference, d.Status);
        return await DetailAsync(d, viewer, ct);
    }

    public async Task<DisputeDetail?> DetailAsync(int id, DisputeViewer viewer, CancellationToken ct = default) =>
        await GetAsync(id, viewer, ct) as DisputeDetail;

    private async Task<DisputeDetail> DetailAsync(Dispute d, DisputeViewer viewer, CancellationToken ct)
    {
        var cal = await calendar.LoadAsync(ct);
        var events = await db.DisputeEvents.AsNoTracking().Where(e => e.DisputeId == d.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var interruptions = events.Where(e => e.Kind == "interruption").Select(e => clock.LocalDate(e.At)).ToList();
        var clocks = DisputeClockView.For(d, cal, clock, interruptions);
        var staff = await db.Staff.AsNoTracking().Where(s => d.Staff.Select(x => x.StaffId).Contains(s.Id) || d.Accountability.Select(x => x.StaffId).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        var patient = d.PatientId is { } pid ? await db.Patients.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Mrn, p.Name }).FirstOrDefaultAsync(ct) : null;
        var o = d.AuthorityReportedAt;
        return new DisputeDetail(d.Id, d.Reference, d.Status, d.ArisenOn, d.KnewOn, d.Major, d.Severity, d.PatientDied,
            patient?.Mrn, patient?.Name ?? d.PatientName, d.Claim, d.ClaimedAmount, d.ReportedBy,
            d.Routes.FirstOrDefault(r => r.Active)?.Route, clocks.RouteDueBy, clocks.AutopsyDueBy, d.DiedAt, d.BodyFrozen, d.AutopsyDecision, d.AutopsyDecidedAt,
            Totals(d), clocks.LimitationOn, o, d.AuthorityReportedTo, null,
            [.. d.Departments.Select(x => new NamedRef(x.Department!.Code, x.Department.Name))],
            [.. d.Staff.Where(x => staff.ContainsKey(x.StaffId)).Select(x => new NamedRef(staff[x.StaffId].Code, staff[x.StaffId].Name))],
            [.. d.Encounters.Select(e => e.EncounterId)],
            [.. d.Routes.OrderBy(r => r.Id).Select(r => new RouteView(r.Id, r.Route, r.AppliedOn, r.AcceptedOn, r.Body, r.CaseNumber, r.HospitalRepresentatives, r.FamilyRepresentatives,
                r.ExtensionWorkingDays, r.Active, r.EndedOn, r.Result, r.Route == DisputeRoutes.Negotiation && !viewer.SeesNegotiationNotes ? null : r.Notes,
                DisputeClockView.RouteDue(r, d, cal, clock), DisputeClockView.PausedWorkingDays(d, r, cal, clock)))],
            [.. d.Appraisals.OrderBy(a => a.Id).Select(a => new AppraisalView(a.Id, a.Body, a.CommissionedOn, a.OpinionOn, a.Fee, a.FeePrepaidBy, a.Harm, a.HarmDegree, a.Fault,
                a.Causation, a.Liability, LiabilityDegree.Find(a.Liability)?.Chinese, a.LiabilityPercent,
                a.LiabilityPercent is not { } p || LiabilityDegree.Find(a.Liability)?.Typical(p) != false, a.Reappraisal,
                a.OpinionOn is { } op ? DisputeClocks.ReappraisalBy(op) : null))],
            [.. d.CompensationLines.OrderBy(l => CompensationItems.All.Select(i => i.Code).ToList().IndexOf(l.Item))
                .Select(l => new LineView(l.Id, l.Item, CompensationItems.Chinese(l.Item), l.Claimed, l.Agreed, l.Note))],
            [.. d.Payments.OrderBy(p => p.PaidOn).ThenBy(p => p.Id).Select(p => new PaymentView(p.Id, p.Payer, p.Amount, p.PaidOn, p.Voucher))],
            [.. d.Seals.OrderBy(s => s.Id).Select(s => new SealView(s.Id, s.Kind, s.Form, s.Stage, s.Contents, s.SealedAt, s.HospitalSigner, s.FamilySigner,
                s.HospitalConfirmedAt, s.FamilyConfirmedAt, s.UnsealedAt, s.UnsealReason, s.UnsealedBy, DisputeClocks.UnsealAllowedOn(clock.LocalDate(s.SealedAt))))],
            [.. d.Duties.OrderBy(x => x.ToldOn).Select(x => new DutyView(x.Id, x.Duty, x.ToldOn, x.ToldBy, x.ToldWhom))],
            [.. d.Accountability.OrderBy(a => a.DecidedOn).Where(a => staff.ContainsKey(a.StaffId))
                .Select(a => new AccountabilityView(a.Id, staff[a.StaffId].Code, staff[a.StaffId].Name, a.Decision, a.Amount, a.Reason, a.DecidedOn, a.DecidedBy))],
            d.FeedbackCaseId, d.Outcome, d.ClosedOn, d.RootCauses?.Split(',') ?? [], d.Lessons, d.ImprovementPlanId,
            viewer.SeesNegotiationNotes ? d.NegotiationNotes : null,
            [.. events.Select(e => new DisputeEventView(e.At, e.Kind, e.ActorName, e.Text))], clocks.Overdue, viewer.Handles);
    }

    public static CompensationTotals Totals(Dispute d)
    {
        var claimed = d.CompensationLines.Count > 0 ? Money.Sum(d.CompensationLines.Select(l => l.Claimed)) : d.ClaimedAmount;
        var agreed = Money.Sum(d.CompensationLines.Select(l => l.Agreed));
        var paid = Money.Sum(d.Payments.Select(p => p.Amount));
        return new CompensationTotals(claimed, agreed, paid, agreed - paid);
    }

    /// <summary>The queue: filters, search (reference, claim, patient name), newest first; clinicians get reference and status only.</summary>
    public async Task<Paged<DisputeRow>> ListAsync(DisputeFilter f, DisputeViewer viewer, CancellationToken ct = default)
    {
        var q = DisputeAccess.Visible(db.Disputes.AsNoTracking(), viewer);
        if (!string.IsNullOrWhiteSpace(f.Status)) q = q.Where(d => d.Status == f.Status);
        if (!string.IsNullOrWhiteSpace(f.DepartmentCode)) q = q.Where(d => d.Departments.Any(x => x.Department!.Code == f.DepartmentCode));
        if (!string.IsNullOrWhiteSpace(f.Route)) q = q.Where(d => d.Routes.Any(r => r.Active && r.Route == f.Route));
        if (f.Year is { } y) q = q.Where(d => d.ArisenOn >= new DateOnly(y, 1, 1) && d.ArisenOn <= new DateOnly(y, 12, 31));
        if (f.View == "major") q = q.Where(d => d.Major);
        if (!string.IsNullOrWhiteSpace(f.Q) && viewer.SeesDetail)
        {
            var term = f.Q.Trim();
            q = q.Where(d => d.Reference.Contains(term) || d.Claim.Contains(term) || (d.PatientName != null && d.PatientName.Contains(term))
                || (d.Patient != null && (d.Patient.Name.Contains(term) || d.Patient.Mrn == term)));
        }
        else if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(d => d.Reference.Contains(f.Q.Trim()));
        if (f.View is "due-soon" or "overdue") q = q.Where(d => d.Status == DisputeStatuses.Open);
        var list = await Load(q).OrderByDescending(d => d.ArisenOn).ThenByDescending(d => d.Id).ToListAsync(ct);
        var cal = await calendar.LoadAsync(ct);
        var rows = list.Select(d => (d, c: DisputeClockView.For(d, cal, clock))).ToList();
        if (f.View == "overdue") rows = rows.Where(r => r.c.Overdue).ToList();
        if (f.View == "due-soon") rows = rows.Where(r => r.c.DueSoon).OrderBy(r => r.c.RouteDueBy ?? r.c.AutopsyDueBy).ToList();
        var page = Math.Max(1, f.Page ?? 1);
        var size = Math.Clamp(f.PageSize ?? 25, 1, 200);
        var items = rows.Skip((page - 1) * size).Take(size).Select(r => Row(r.d, r.c, viewer)).ToList();
        await audit.RecordAsync(ListViewed, "dispute", null, new { f.Status, f.Route, f.DepartmentCode, f.View, q = f.Q, page, count = items.Count }, ct);
        return new Paged<DisputeRow>(items, rows.Count, page, size);
    }

    private static DisputeRow Row(Dispute d, DisputeClockView c, DisputeViewer viewer)
    {
        if (!viewer.SeesDetail) return new DisputeRow(d.Id, d.Reference, d.Status, null, null, null, null, null, null, null, null, null, null, false, false, null, null);
        var t = Totals(d);
        return new DisputeRow(d.Id, d.Reference, d.Status, d.ArisenOn, d.Major, d.Severity, [.. d.Departments.Select(x => x.Department!.Name)],
            d.Routes.FirstOrDefault(r => r.Active)?.Route, c.RouteDueBy, d.AutopsyDecision is null ? c.AutopsyDueBy : null, t.Claimed, t.Agreed, t.Paid, c.Overdue, c.DueSoon,
            d.Outcome, d.ClosedOn);
    }

    public static IQueryable<Dispute> Load(IQueryable<Dispute> q) => q.Include(d => d.Routes).Include(d => d.Appraisals).Include(d => d.CompensationLines)
        .Include(d => d.Payments).Include(d => d.Departments).ThenInclude(x => x.Department).Include(d => d.Staff).Include(d => d.Encounters)
        .Include(d => d.Seals).Include(d => d.Duties).Include(d => d.Accountability).AsSplitQuery();
}
