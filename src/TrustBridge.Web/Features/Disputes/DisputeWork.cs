using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Core.Disputes;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>
/// What the dispute office does to a dispute after it is registered (DISPUTES.md): routes, appraisals, compensation,
/// payments, seals, duties, autopsy, the major report, accountability and closing. Each change is checked completely
/// first, then saved with a history entry and an audit row in one transaction: nothing half-written.
/// </summary>
public sealed class DisputeWork(TrustDbContext db, HospitalClock clock, AuditLog audit, DatabaseOptions database, IOptions<DisputeOptions> options,
    RegisterDispute register, OpenImprovementPlans plans)
{
    public const int MaxRepresentatives = 5; // art. 30
    public static readonly string[] RouteResults = ["agreement", "judgment", "failed", "withdrawn", "other"];
    public static readonly string[] SealKinds = ["records", "items"];
    public static readonly string[] RecordForms = ["originals", "copies"];
    public static readonly string[] Duties = ["routes", "sealing", "autopsy"];
    public static readonly string[] AutopsyDecisions = ["consent", "refusal"];
    public static readonly string[] FeePayers = ["hospital", "patient", "both"];
    /// <summary>Root causes: the 8 feedback categories and clinical ones.</summary>
    public static readonly string[] RootCauses = [.. FeedbackCategories.All, "diagnosis", "surgery", "medication", "nursing", "infection", "records", "device", "handover"];

    private DisputeOptions O => options.Value;
    private Func<Task>? _afterSave;

    public Task<DisputeResult> AddRouteAsync(int id, RouteInput r, string actor, CancellationToken ct) => ChangeAsync(id, actor, "route", (d, now) =>
    {
        if (r.Route is null || !DisputeRoutes.All.Contains(r.Route))
            return Bad("route", $"Unknown route '{r.Route}'; use {string.Join(", ", DisputeRoutes.All)}.");
        if (d.Routes.FirstOrDefault(x => x.Active) is { } active)
            return DisputeResult.Conflict("route", DisputeRoutes.Mediation.Contains(r.Route) && DisputeRoutes.Mediation.Contains(active.Route)
                ? $"A mediation route ({active.Route}) is already active; a second one cannot start. End it first (POST /api/disputes/{d.Id}/routes/end)."
                : r.Route == DisputeRoutes.AdministrativeMediation && active.Route == DisputeRoutes.Litigation
                    ? "Administrative mediation is not available while a court has the dispute (art. 40)."
                    : $"The route {active.Route} is active; one route at a time. End it first (POST /api/disputes/{d.Id}/routes/end).");
        if (r.AcceptedOn > clock.Today || r.AppliedOn > clock.Today) return Bad("acceptedOn", "Dates cannot be in the future.");
        if (r.AppliedOn is { } ap && r.AcceptedOn is { } ac && ac < ap) return Bad("acceptedOn", "Accepted before it was applied for.");
        if (r.Route == DisputeRoutes.PeopleMediation && r.AcceptedOn is null) return Bad("acceptedOn", "People's mediation needs the date the committee accepted (YYYY-MM-DD).");
        if (r.Route == DisputeRoutes.AdministrativeMediation && r.AcceptedOn is null && r.AppliedOn is null)
            return Bad("appliedOn", "Administrative mediation needs the date applied for or accepted.");
        if (r.HospitalRepresentatives is < 1 or > MaxRepresentatives) return Bad("hospitalRepresentatives", $"Between 1 and {MaxRepresentatives} representatives a side (art. 30).");
        if (r.FamilyRepresentatives is < 1 or > MaxRepresentatives) return Bad("familyRepresentatives", $"Between 1 and {MaxRepresentatives} representatives a side (art. 30).");
        if (Long(r.Body, 200) || Long(r.CaseNumber, 100) || Long(r.Notes, 4000)) return Bad("body", "body ≤ 200, caseNumber ≤ 100, notes ≤ 4000 characters.");
        d.Routes.Add(new DisputeRoute
        {
            Route = r.Route, AppliedOn = r.AppliedOn, AcceptedOn = r.AcceptedOn ?? (r.Route is DisputeRoutes.Negotiation or DisputeRoutes.Other ? clock.Today : null),
            Body = Trim(r.Body), CaseNumber = Trim(r.CaseNumber), HospitalRepresentatives = r.HospitalRepresentatives, FamilyRepresentatives = r.FamilyRepresentatives,
            Notes = Trim(r.Notes), CreatedAt = now,
        });
        DisputeHistory.Add(db, d, now, "route", actor, $"途径：{Zh(r.Route)}" + (r.AcceptedOn is { } a ? $"，{a:yyyy-MM-dd} 受理" : ""));
        return null;
    });

    public Task<DisputeResult> EndRouteAsync(int id, RouteEndInput r, string actor, CancellationToken ct) => ChangeAsync(id, actor, "route-ended", (d, now) =>
    {
        if (d.Routes.FirstOrDefault(x => x.Active) is not { } active) return DisputeResult.Conflict("route", "No route is active.");
        if (r.Result is null || !RouteResults.Contains(r.Result)) return Bad("result", $"Say how the route ended: {string.Join(", ", RouteResults)}.");
        if (r.EndedOn > clock.Today) return Bad("endedOn", "Dates cannot be in the future.");
        if (r.Result == "agreement" && active.Route == DisputeRoutes.Negotiation && NegotiationTooLarge(d) is { } msg) return Bad("result", msg);
        active.Active = false;
        active.EndedOn = r.EndedOn ?? clock.Today;
        active.Result = r.Result;
        if (!string.IsNullOrWhiteSpace(r.Notes)) active.Notes = Trim(r.Notes);
        DisputeHistory.Add(db, d, now, "route-ended", actor, $"{Zh(active.Route)}：{Zh(r.Result)}");
        return null;
    });

    /// <summary>Both sides agree to extend a mediation (art. 38): working days added to its clock.</summary>
    public Task<DisputeResult> ExtendRouteAsync(int id, RouteEndInput r, string actor, CancellationToken ct) => ChangeAsync(id, actor, "route-extended", (d, now) =>
    {
        if (d.Routes.FirstOrDefault(x => x.Active && DisputeRoutes.Mediation.Contains(x.Route)) is not { } active)
            return DisputeResult.Conflict("route", "Only an active mediation is extended.");
        if (r.ExtensionWorkingDays is not (>= 1 and <= 250)) return Bad("extensionWorkingDays", "Extend by 1 to 250 working days.");
        active.ExtensionWorkingDays += r.ExtensionWorkingDays.Value;
        DisputeHistory.Add(db, d, now, "route-extended", actor, $"双方同意延长 {r.ExtensionWorkingDays} 个工作日");
        return null;
    });

    public Task<DisputeResult> AddAppraisalAsync(int id, int? appraisalId, AppraisalInput a, string actor, CancellationToken ct) => ChangeAsync(id, actor, "appraisal", (d, now) =>
    {
        var existing = appraisalId is { } aid ? d.Appraisals.FirstOrDefault(x => x.Id == aid) : null;
        if (appraisalId is not null && existing is null) return DisputeResult.NotFound;
        var body = Trim(a.Body) ?? existing?.Body;
        if (body is null) return Bad("body", "Name the appraisal body (鉴定机构).");
        if (body.Length > 200) return Bad("body", "At most 200 characters.");
        var commissioned = a.CommissionedOn ?? existing?.CommissionedOn;
        if (commissioned is not { } from) return Bad("commissionedOn", "Give the date the appraisal was commissioned (YYYY-MM-DD).");
        if (from > clock.Today) return Bad("commissionedOn", "Dates cannot be in the future.");
        var opinion = a.OpinionOn ?? existing?.OpinionOn;
        if (opinion is { } to && (to < from || to > clock.Today)) return Bad("opinionOn", "The opinion comes after the commission and not in the future.");
        var fee = a.Fee ?? existing?.Fee ?? 0m;
        if (!Money.Valid(fee)) return Bad("fee", "The fee is a non-negative number of 元 with at most 2 decimals.");
        var payer = a.FeePrepaidBy ?? existing?.FeePrepaidBy;
        if (payer is not null && !FeePayers.Contains(payer)) return Bad("feePrepaidBy", $"Use {string.Join(", ", FeePayers)}.");
        var liability = a.Liability ?? existing?.Liability;
        var degree = liability is null ? null : LiabilityDegree.Find(liability);
        if (liability is not null && degree is null) return Bad("liability", $"Unknown degree '{liability}'; use {string.Join(", ", LiabilityDegree.All.Select(x => x.Code))}.");
        var percent = a.LiabilityPercent ?? existing?.LiabilityPercent ?? degree?.TypicalPercent;
        if (percent is < 0 or > 100 || (percent is { } p && decimal.Round(p, 2) != p)) return Bad("liabilityPercent", "A percentage from 0 to 100.");
        if (percent is not null && degree is null) return Bad("liability", "A percentage needs the degree of responsibility.");
        if (degree == LiabilityDegree.None && percent != 0) return Bad("liabilityPercent", "No responsibility is 0%.");
        var re = a.Reappraisal ?? existing?.Reappraisal ?? false;
        if (re && existing is null && !d.Appraisals.Any(x => x.OpinionOn is not null)) return Bad("reappraisal", "A re-appraisal follows an appraisal with an opinion.");
        var x = existing ?? new DisputeAppraisal { Body = body, CreatedAt = now };
        (x.Body, x.CommissionedOn, x.OpinionOn, x.Fee, x.FeePrepaidBy, x.Liability, x.LiabilityPercent, x.Reappraisal) = (body, from, opinion, fee, payer, liability, percent, re);
        x.Harm = a.Harm ?? x.Harm;
        x.HarmDegree = Trim(a.HarmDegree) ?? x.HarmDegree;
        x.Fault = a.Fault ?? x.Fault;
        x.Causation = Trim(a.Causation) ?? x.Causation;
        if (existing is null) d.Appraisals.Add(x);
        DisputeHistory.Add(db, d, now, "appraisal", actor, $"{(re ? "重新鉴定" : "鉴定")}：{body}" + (degree is null ? "" : $"，{degree.Chinese} {percent:0.##}%"));
        return null;
    });

    public Task<DisputeResult> SetCompensationAsync(int id, CompensationInput c, string actor, CancellationToken ct) => ChangeAsync(id, actor, "compensation", (d, now) =>
    {
        var lines = c.Lines ?? [];
        if (lines.Length == 0) return Bad("lines", "Send the compensation lines (item, claimed, agreed).");
        var seen = new HashSet<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (!CompensationItems.Known(l.Item)) return Bad($"lines[{i}].item", $"Unknown item '{l.Item}'; use {string.Join(", ", CompensationItems.All.Select(x => x.Code))}.");
            if (!seen.Add(l.Item!)) return Bad($"lines[{i}].item", $"The item '{l.Item}' is listed twice.");
            if (l.Claimed is { } cl && !Money.Valid(cl)) return Bad($"lines[{i}].claimed", "A non-negative number of 元 with at most 2 decimals.");
            if (l.Agreed is { } ag && !Money.Valid(ag)) return Bad($"lines[{i}].agreed", "A non-negative number of 元 with at most 2 decimals.");
            if (Long(l.Note, 400)) return Bad($"lines[{i}].note", "At most 400 characters.");
        }
        var agreed = Money.Sum(lines.Select(l => l.Agreed ?? 0m));
        var paid = Money.Sum(d.Payments.Select(p => p.Amount));
        if (agreed < paid) return DisputeResult.Conflict("lines", $"The agreed total {agreed:0.00} is below what was already paid ({paid:0.00}).");
        db.DisputeCompensationLines.RemoveRange(d.CompensationLines);
        d.CompensationLines.Clear();
        foreach (var l in lines) d.CompensationLines.Add(new DisputeCompensationLine { Item = l.Item!, Claimed = l.Claimed ?? 0m, Agreed = l.Agreed ?? 0m, Note = Trim(l.Note) });
        DisputeHistory.Add(db, d, now, "compensation", actor, $"赔偿明细 {lines.Length} 项：主张 {Money.Sum(lines.Select(l => l.Claimed ?? 0m)):0.00} 元，议定 {agreed:0.00} 元");
        return null;
    });

    public Task<DisputeResult> AddPaymentAsync(int id, PaymentInput p, string actor, CancellationToken ct) => ChangeAsync(id, actor, "payment", (d, now) =>
    {
        if (p.Payer is null || !DisputePayers.All.Contains(p.Payer)) return Bad("payer", $"Unknown payer '{p.Payer}'; use {string.Join(", ", DisputePayers.All)}.");
        if (p.Amount is not { } amount || amount <= 0 || !Money.Valid(amount)) return Bad("amount", "A positive number of 元 with at most 2 decimals.");
        if (p.PaidOn is not { } paidOn) return Bad("paidOn", "Give the date paid (YYYY-MM-DD).");
        if (paidOn > clock.Today) return Bad("paidOn", "Dates cannot be in the future.");
        if (Long(p.Voucher, 100)) return Bad("voucher", "At most 100 characters.");
        var agreed = Money.Sum(d.CompensationLines.Select(l => l.Agreed));
        var paid = Money.Sum(d.Payments.Select(x => x.Amount));
        if (paid + amount > agreed)
            return Bad("amount", $"The payment of {amount:0.00} 元 is larger than what is agreed and not yet paid ({agreed - paid:0.00} 元 of {agreed:0.00}).");
        d.Payments.Add(new DisputePayment { Payer = p.Payer, Amount = amount, PaidOn = paidOn, Voucher = Trim(p.Voucher), CreatedAt = now });
        DisputeHistory.Add(db, d, now, "payment", actor, $"{Zh(p.Payer)}支付 {amount:0.00} 元（{paidOn:yyyy-MM-dd}）");
        return null;
    }, allowClosed: false);

    public Task<DisputeResult> AddSealAsync(int id, SealInput s, string actor, CancellationToken ct) => ChangeAsync(id, actor, "seal", (d, now) =>
    {
        if (s.Kind is null || !SealKinds.Contains(s.Kind)) return Bad("kind", "records (病历资料) or items (现场实物).");
        if (s.Kind == "records" && (s.Form is null || !RecordForms.Contains(s.Form))) return Bad("form", "Sealed records are originals or copies.");
        if (Trim(s.Contents) is not { } contents) return Bad("contents", "List what is sealed.");
        if (contents.Length > 4000) return Bad("contents", "At most 4000 characters.");
        if (Trim(s.HospitalSigner) is not { } hs || hs.Length > 100) return Bad("hospitalSigner", "Both sides are present: the hospital's signer.");
        if (Trim(s.FamilySigner) is not { } fs || fs.Length > 100) return Bad("familySigner", "Both sides are present: the patient side's signer.");
        var sealedAt = s.SealedAt ?? now;
        if (sealedAt > now.AddMinutes(5)) return Bad("sealedAt", "Not in the future.");
        d.Seals.Add(new DisputeSeal
        {
            Kind = s.Kind, Form = s.Kind == "records" ? s.Form : null, Stage = Trim(s.Stage), Contents = contents, SealedAt = sealedAt, HospitalSigner = hs, FamilySigner = fs,
            HospitalConfirmedAt = s.HospitalConfirmedAt ?? sealedAt, FamilyConfirmedAt = s.FamilyConfirmedAt ?? sealedAt,
        });
        DisputeHistory.Add(db, d, now, "sealed", actor, $"封存{(s.Kind == "records" ? "病历" : "实物")}：{contents}");
        return null;
    });

    public Task<DisputeResult> UnsealAsync(int id, int sealId, UnsealInput u, string actor, CancellationToken ct) => ChangeAsync(id, actor, "unsealed", (d, now) =>
    {
        if (d.Seals.FirstOrDefault(x => x.Id == sealId) is not { } seal) return DisputeResult.NotFound;
        if (Trim(u.Reason) is not { } reason) return Bad("reason", "Unsealing needs a reason: the dispute is resolved, or 3 years passed without a further claim.");
        if (reason.Length > 400) return Bad("reason", "At most 400 characters.");
        if (seal.UnsealedAt is not null) return DisputeResult.Conflict("seal", "Already unsealed.");
        var allowedOn = DisputeClocks.UnsealAllowedOn(clock.LocalDate(seal.SealedAt));
        if (d.Status != DisputeStatuses.Closed && clock.Today < allowedOn)
            return DisputeResult.Conflict("reason", $"Unseal once the dispute is resolved, or from {allowedOn:yyyy-MM-dd} (3 years after sealing) without a further claim.");
        (seal.UnsealedAt, seal.UnsealReason, seal.UnsealedBy) = (now, reason, actor);
        DisputeHistory.Add(db, d, now, "unsealed", actor, $"启封：{reason}");
        return null;
    }, allowClosed: true);

    public Task<DisputeResult> AddDutyAsync(int id, DutyInput t, string actor, CancellationToken ct) => ChangeAsync(id, actor, "duty", (d, now) =>
    {
        if (t.Duty is null || !Duties.Contains(t.Duty)) return Bad("duty", $"Use {string.Join(", ", Duties)} (art. 23).");
        if (t.Duty == "autopsy" && !d.PatientDied) return Bad("duty", "The autopsy rules are told when the patient died.");
        if (t.ToldOn is not { } on || on > clock.Today) return Bad("toldOn", "The date told (YYYY-MM-DD), not in the future.");
        if (Trim(t.ToldBy) is not { Length: <= 100 } by) return Bad("toldBy", "Who told (at most 100 characters).");
        if (Trim(t.ToldWhom) is not { Length: <= 100 } whom) return Bad("toldWhom", "Who was told (at most 100 characters).");
        d.Duties.Add(new DisputeDuty { Duty = t.Duty, ToldOn = on, ToldBy = by, ToldWhom = whom });
        DisputeHistory.Add(db, d, now, "duty", actor, $"告知（{Zh(t.Duty)}）：{by} → {whom}，{on:yyyy-MM-dd}");
        return null;
    });

    public Task<DisputeResult> AutopsyAsync(int id, AutopsyInput a, string actor, CancellationToken ct) => ChangeAsync(id, actor, "autopsy", (d, now) =>
    {
        if (!d.PatientDied) return DisputeResult.Conflict("patientDied", "The patient did not die.");
        if (a.DiedAt is { } died && died > now) return Bad("diedAt", "Not in the future.");
        if (a.Decision is not null && !AutopsyDecisions.Contains(a.Decision)) return Bad("decision", "consent or refusal (a family member who does not sign counts as refusing).");
        if (a.Decision is null && a.DiedAt is null && a.BodyFrozen is null) return Bad("decision", "Send the decision, the time of death or whether the body is frozen.");
        d.DiedAt = a.DiedAt ?? d.DiedAt;
        d.BodyFrozen = a.BodyFrozen ?? d.BodyFrozen;
        if (a.Decision is not null) (d.AutopsyDecision, d.AutopsyDecidedAt) = (a.Decision, a.DecidedAt ?? now);
        DisputeHistory.Add(db, d, now, "autopsy", actor, a.Decision is null ? "尸检信息更新" : a.Decision == "consent" ? "家属同意尸检" : "家属拒绝尸检（或未签字）");
        return null;
    });

    public Task<DisputeResult> ReportMajorAsync(int id, MajorReportInput m, string actor, CancellationToken ct) => ChangeAsync(id, actor, "major-reported", (d, now) =>
    {
        if (m.ReportedAt is not { } at || at > now.AddMinutes(5)) return Bad("reportedAt", "When it was reported (not in the future).");
        if (Trim(m.ReportedTo) is not { Length: <= 200 } to) return Bad("reportedTo", "To whom at the health authority (at most 200 characters).");
        if (!d.Major) { d.Major = true; register.AlertMajor(d, now, actor); }
        (d.AuthorityReportedAt, d.AuthorityReportedTo) = (at, to);
        DisputeHistory.Add(db, d, now, "major-reported", actor, $"已报告 {to}");
        return null;
    });

    /// <summary>A new claim or talks interrupt the limitation (Civil Code art. 195): the 3 years start again from that day.</summary>
    public Task<DisputeResult> InterruptLimitationAsync(int id, DateOnly? on, string? text, string actor, CancellationToken ct) => ChangeAsync(id, actor, "limitation-interrupted", (d, now) =>
    {
        if (on is not { } day || day > clock.Today || day < d.KnewOn) return Bad("on", "The day of the new claim or talks, between the day the harm was known and today.");
        DisputeHistory.Add(db, d, clock.StartOfDayUtc(day), "interruption", actor, Trim(text) ?? "诉讼时效中断");
        return null;
    }, allowClosed: true);

    public Task<DisputeResult> NoteAsync(int id, string? text, string actor, CancellationToken ct) => ChangeAsync(id, actor, "note", (d, now) =>
    {
        if (Trim(text) is not { Length: <= 4000 } t) return Bad("text", "A note of 1 to 4000 characters.");
        DisputeHistory.Add(db, d, now, "note", actor, t);
        return null;
    }, allowClosed: true);

    public Task<DisputeResult> AddAccountabilityAsync(int id, AccountabilityInput a, string actor, CancellationToken ct) => ChangeAsync(id, actor, "accountability", async (d, now) =>
    {
        var staff = string.IsNullOrWhiteSpace(a.StaffCode) ? null : await db.Staff.FirstOrDefaultAsync(s => s.Code == a.StaffCode.Trim(), ct);
        if (staff is null) return Bad("staffCode", $"Unknown staff '{a.StaffCode}'.");
        if (a.Decision is null || !AccountabilityDecisions.All.Contains(a.Decision)) return Bad("decision", $"Use {string.Join(", ", AccountabilityDecisions.All)}.");
        if (a.Decision == AccountabilityDecisions.PayDeduction && (a.Amount is not { } m || m <= 0 || !Money.Valid(m))) return Bad("amount", "绩效扣罚 needs a positive amount of 元.");
        if (a.Decision != AccountabilityDecisions.PayDeduction && a.Amount is not null) return Bad("amount", "Only 绩效扣罚 has an amount.");
        if (Trim(a.Reason) is not { Length: <= 2000 } reason) return Bad("reason", "Give the reason (at most 2000 characters).");
        if (a.DecidedOn > clock.Today) return Bad("decidedOn", "Not in the future.");
        if (Long(a.DecidedBy, 100)) return Bad("decidedBy", "At most 100 characters.");
        d.Accountability.Add(new DisputeAccountability
        {
            StaffId = staff.Id, Decision = a.Decision, Amount = a.Amount, Reason = reason, DecidedOn = a.DecidedOn ?? clock.Today, DecidedBy = Trim(a.DecidedBy) ?? actor,
        });
        if (!d.Staff.Any(s => s.StaffId == staff.Id)) d.Staff.Add(new DisputeStaff { StaffId = staff.Id });
        DisputeHistory.Add(db, d, now, "accountability", actor, $"责任追究：{staff.Name}（{Zh(a.Decision)}）");
        return null;
    }, allowClosed: true);

    public Task<DisputeResult> CloseAsync(int id, CloseInput c, string actor, CancellationToken ct) => ChangeAsync(id, actor, "closed", async (d, now) =>
    {
        if (d.Status == DisputeStatuses.Closed) return DisputeResult.Conflict("status", "The dispute is already closed.");
        if (c.Outcome is null || !DisputeOutcomes.All.Contains(c.Outcome)) return Bad("outcome", $"Use {string.Join(", ", DisputeOutcomes.All)}.");
        var closedOn = c.ClosedOn ?? clock.Today;
        if (closedOn > clock.Today || closedOn < d.ArisenOn) return Bad("closedOn", "Between the day the dispute arose and today.");
        var causes = (c.RootCauses ?? []).Distinct().ToList();
        if (causes.FirstOrDefault(x => !RootCauses.Contains(x)) is { } unknown) return Bad("rootCauses", $"Unknown root cause '{unknown}'; use {string.Join(", ", RootCauses)}.");
        if (Long(c.Lessons, 20000)) return Bad("lessons", "At most 20,000 characters.");
        var agreed = Money.Sum(d.CompensationLines.Select(l => l.Agreed));
        var paid = Money.Sum(d.Payments.Select(p => p.Amount));
        var active = d.Routes.FirstOrDefault(x => x.Active);
        var settling = active ?? d.Routes.OrderByDescending(x => x.Id).FirstOrDefault();
        if (c.Outcome == DisputeOutcomes.Settled && settling?.Route == DisputeRoutes.Negotiation && NegotiationTooLarge(d) is { } msg) return Bad("outcome", msg);
        if (paid != agreed) return DisputeResult.Conflict("payments", $"{agreed - paid:0.00} 元 of the agreed {agreed:0.00} 元 is not paid yet.");
        int? planDepartment = null;
        if (c.OpenImprovementPlan == true)
        {
            if (!string.IsNullOrWhiteSpace(c.PlanDepartmentCode))
            {
                planDepartment = await db.Departments.Where(x => x.Code == c.PlanDepartmentCode.Trim()).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
                if (planDepartment is null) return Bad("planDepartmentCode", $"Unknown department '{c.PlanDepartmentCode}'.");
            }
            else planDepartment = d.Departments.Select(x => (int?)x.DepartmentId).FirstOrDefault();
        }
        if (active is not null)
        {
            active.Active = false;
            active.EndedOn = closedOn;
            active.Result ??= c.Outcome switch { DisputeOutcomes.Settled => "agreement", DisputeOutcomes.Judgment => "judgment", DisputeOutcomes.Withdrawn => "withdrawn", _ => "other" };
        }
        (d.Status, d.Outcome, d.ClosedOn, d.RootCauses, d.Lessons) = (DisputeStatuses.Closed, c.Outcome, closedOn, causes.Count == 0 ? null : string.Join(',', causes), Trim(c.Lessons));
        DisputeHistory.Add(db, d, now, "closed", actor, $"结案：{Zh(c.Outcome)}");
        if (planDepartment is { } dept)
            _afterSave = async () =>
            {
                // Through the plans' own code path, in this transaction: the plan and the dispute's link commit together.
                var plan = await plans.OpenForDisputeAsync(dept, d.Reference, d.ArisenOn, closedOn, d.Lessons, ct);
                d.ImprovementPlanId = plan.Id;
                DisputeHistory.Add(db, d, now, "improvement-plan", actor, $"已为科室开立整改计划 {plan.Id}");
                await db.SaveChangesAsync(ct);
            };
        return null;
    }, allowClosed: true);

    private string? NegotiationTooLarge(Dispute d)
    {
        var agreed = Money.Sum(d.CompensationLines.Select(l => l.Agreed));
        return agreed > O.NegotiationLimit
            ? $"Negotiation alone may not settle above {O.NegotiationLimit:0.##} 元 (Disputes:NegotiationLimit); the agreed {agreed:0.00} 元 needs people's mediation, administrative mediation or a court."
            : null;
    }

    /// <summary>The history is written in Chinese, like the rest of the record.</summary>
    public static string Zh(string? code) => code switch
    {
        DisputeRoutes.Negotiation => "双方协商", DisputeRoutes.PeopleMediation => "人民调解", DisputeRoutes.AdministrativeMediation => "行政调解", DisputeRoutes.Litigation => "诉讼",
        "agreement" => "达成协议", "judgment" => "判决", "failed" => "未成功", "withdrawn" => "撤回", "settled" => "达成协议", "no-liability" => "无责未赔",
        "hospital" => "医院", "insurer" => "医疗责任险", "fund" => "医疗风险互助金", "routes" => "解决途径", "sealing" => "封存与复制", "autopsy" => "尸检",
        "none" => "不予追究", "education" => "批评教育", "circulated" => "通报批评", "pay-deduction" => "绩效扣罚", "suspension" => "暂停执业",
        "other" => "其他", null => "", _ => code,
    };

    private static DisputeResult Bad(string field, string message) => DisputeResult.Invalid(field, message);
    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static bool Long(string? s, int max) => s is not null && s.Trim().Length > max;

    private Task<DisputeResult> ChangeAsync(int id, string actor, string action, Func<Dispute, DateTime, DisputeResult?> change, bool allowClosed = false) =>
        ChangeAsync(id, actor, action, (d, now) => Task.FromResult(change(d, now)), allowClosed);

    private async Task<DisputeResult> ChangeAsync(int id, string actor, string action, Func<Dispute, DateTime, Task<DisputeResult?>> change, bool allowClosed = false)
    {
        var d = await db.Disputes.Include(x => x.Routes).Include(x => x.Appraisals).Include(x => x.CompensationLines).Include(x => x.Payments)
            .Include(x => x.Seals).Include(x => x.Departments).Include(x => x.Staff).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id);
        if (d is null) return DisputeResult.NotFound;
        if (!allowClosed && d.Status == DisputeStatuses.Closed) return DisputeResult.Conflict("status", "The dispute is closed.");
        var now = clock.UtcNow;
        if (await change(d, now) is { } error) return error;
        d.UpdatedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation);
        await db.SaveChangesAsync();
        if (_afterSave is { } after) { _afterSave = null; await after(); }
        await audit.RecordAsync(AuditActions.Updated, "dispute", d.Id.ToString(CultureInfo.InvariantCulture), new { action }, default);
        await tx.CommitAsync();
        return DisputeResult.Done(d.Id);
    }
}
