using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Trust;

public sealed record ActionView(int Id, int PlanId, string What, int? StaffId, string? StaffName, DateOnly DueOn, string Status,
    string? Evidence, string? EvidenceUrl, DateTime UpdatedAt);

/// <summary>An action as the API and the plan page send it; null fields of an update stay as they are.</summary>
public sealed record ActionInput(string? What, int? StaffId, string? StaffCode, DateOnly? DueOn, string? Status, string? Evidence, string? EvidenceUrl);

/// <summary>A unit's figures in one period, beside each other on the plan page: the baseline and the re-measurement.</summary>
public sealed record PlanMeasure(string Label, DateOnly From, DateOnly To, UnitRow? Row);

public sealed record PlanComplaint(int Id, string TrackingCode, string Type, string Category, string Status, DateTime ReceivedAt, string Excerpt);

public sealed record PlanDetail(PlanView Plan, IReadOnlyList<ActionView> Actions, PlanMeasure Baseline, PlanMeasure? Remeasure,
    IReadOnlyList<PlanComplaint> Complaints);

public sealed record StaffChoice(int Id, string Code, string Name, string? Title);

/// <summary>
/// Working an improvement plan (issue 8): its actions (what, who from the staff list, due, status, evidence), the
/// re-measurement at the next survey wave beside the baseline, and the department's complaints in the plan's period.
/// The office edits every plan, a department head her department's; the supervision group and leadership read.
/// </summary>
public sealed class ImprovementPlanWork(TrustDbContext db, ImprovementPlanBook book, BuildTrustReport report, AuditLog audit, TimeProvider time,
    HospitalClock clock, IAuthorizationService authorization, ScopeOfUser scopes)
{
    public const int MaxComplaints = 50;

    /// <summary>The plan with its actions and measures, or null when it does not exist or is outside the reader's scope.</summary>
    public async Task<PlanDetail?> DetailAsync(int id, UserScope scope, CancellationToken ct = default)
    {
        var plan = (await book.ViewsAsync([id], ct)).SingleOrDefault();
        if (plan is null) return null;
        var departmentId = await db.ImprovementPlans.Where(p => p.Id == id).Select(p => p.DepartmentId).SingleAsync(ct);
        if (!scope.Covers(departmentId) || scope.SelfOnly) return null;

        var actions = await ActionsAsync(id, ct);
        var baseline = new PlanMeasure("基线", plan.PeriodFrom, plan.PeriodTo, await RowAsync(plan.Instrument, plan.PeriodFrom, plan.PeriodTo, plan.DepartmentCode, ct));
        // The next wave of the same questionnaire after the plan's period; before one exists, the quarter after it.
        var next = await db.SurveyWaves.AsNoTracking().Where(w => w.Instrument!.Code == plan.Instrument && w.PeriodFrom > plan.PeriodTo)
            .OrderBy(w => w.PeriodFrom).Select(w => new { w.Name, w.PeriodFrom, w.PeriodTo }).FirstOrDefaultAsync(ct);
        var (nextFrom, nextTo, label) = next is not null ? (next.PeriodFrom, next.PeriodTo, next.Name)
            : (plan.PeriodTo.AddDays(1), plan.PeriodTo.AddDays(1).AddMonths(3).AddDays(-1), "下一季度");
        var remeasure = nextFrom <= clock.Today
            ? new PlanMeasure(label, nextFrom, nextTo, await RowAsync(plan.Instrument, nextFrom, nextTo, plan.DepartmentCode, ct))
            : new PlanMeasure(label, nextFrom, nextTo, null);

        var from = clock.StartOfDayUtc(plan.PeriodFrom);
        var to = clock.StartOfDayUtc(plan.PeriodTo.AddDays(1));
        var complaints = await db.FeedbackCases.AsNoTracking()
            .Where(c => c.Type == FeedbackTypes.Complaint && c.ReceivedAt >= from && c.ReceivedAt < to
                && (c.DepartmentId == departmentId || c.Departments.Any(d => d.DepartmentId == departmentId)))
            .OrderByDescending(c => c.ReceivedAt).Take(MaxComplaints)
            .Select(c => new { c.Id, c.TrackingCode, c.Type, c.Category, c.Status, c.ReceivedAt, c.Content }).ToListAsync(ct);
        return new PlanDetail(plan, actions, baseline, remeasure,
            complaints.Select(c => new PlanComplaint(c.Id, c.TrackingCode, c.Type, c.Category, c.Status, c.ReceivedAt, Excerpt(c.Content))).ToList());
    }

    public Task<List<ActionView>> ActionsAsync(int planId, CancellationToken ct = default) =>
        db.ImprovementActions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new ActionView(a.Id, a.PlanId, a.What, a.StaffId, a.Staff!.Name, a.DueOn, a.Status, a.Evidence, a.EvidenceUrl, a.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>The people an action can be given to: the staff of the plan's department first, then everyone else active.</summary>
    public async Task<List<StaffChoice>> StaffChoicesAsync(int planId, CancellationToken ct = default)
    {
        var departmentId = await db.ImprovementPlans.Where(p => p.Id == planId).Select(p => p.DepartmentId).FirstOrDefaultAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => s.Active)
            .Select(s => new { s.Id, s.Code, s.Name, s.Title, Own = s.DepartmentId == departmentId }).ToListAsync(ct);
        return staff.OrderByDescending(s => s.Own).ThenBy(s => s.Code, StringComparer.Ordinal).Select(s => new StaffChoice(s.Id, s.Code, s.Name, s.Title)).ToList();
    }

    /// <summary>The office works every plan; a department head the plans of her departments.</summary>
    public async Task<bool> CanWorkAsync(ClaimsPrincipal user, int planId, CancellationToken ct = default)
    {
        if ((await authorization.AuthorizeAsync(user, Policies.RegistryWrite)).Succeeded) return true;
        if (!user.IsInRole(Roles.DepartmentHead)) return false;
        var departmentId = await db.ImprovementPlans.Where(p => p.Id == planId).Select(p => (int?)p.DepartmentId).FirstOrDefaultAsync(ct);
        var scope = await scopes.ForAsync(user, ct);
        return departmentId is { } d && scope.DepartmentIds?.Contains(d) == true;
    }

    public async Task<(ActionView? Action, Dictionary<string, string[]> Errors)> AddActionAsync(int planId, ActionInput input, CancellationToken ct = default)
    {
        var errors = await CheckAsync(input, creating: true, ct);
        if (errors.Count > 0) return (null, errors);
        if (!await db.ImprovementPlans.AnyAsync(p => p.Id == planId, ct)) return (null, errors);
        var now = time.GetUtcNow().UtcDateTime;
        var action = db.ImprovementActions.Add(new ImprovementAction
        {
            PlanId = planId, What = input.What!.Trim(), StaffId = await StaffIdAsync(input, ct), DueOn = input.DueOn!.Value,
            Status = input.Status ?? PlanStatuses.Open, Evidence = Blank(input.Evidence), EvidenceUrl = Blank(input.EvidenceUrl), CreatedAt = now, UpdatedAt = now,
        }).Entity;
        await TouchPlanAsync(planId, now, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Created, "improvement-action", action.Id.ToString(CultureInfo.InvariantCulture), new { planId, input.What, action.StaffId, input.DueOn }, ct);
        return ((await ActionsAsync(planId, ct)).Single(a => a.Id == action.Id), errors);
    }

    public async Task<(ActionView? Action, Dictionary<string, string[]> Errors)> UpdateActionAsync(int planId, int actionId, ActionInput input, CancellationToken ct = default)
    {
        var errors = await CheckAsync(input, creating: false, ct);
        if (errors.Count > 0) return (null, errors);
        var action = await db.ImprovementActions.FirstOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId, ct);
        if (action is null) return (null, errors);
        if (input.What is not null) action.What = input.What.Trim();
        if (input.StaffId is not null || input.StaffCode is not null) action.StaffId = await StaffIdAsync(input, ct);
        if (input.DueOn is { } due) action.DueOn = due;
        if (input.Status is not null) action.Status = input.Status;
        if (input.Evidence is not null) action.Evidence = Blank(input.Evidence);
        if (input.EvidenceUrl is not null) action.EvidenceUrl = Blank(input.EvidenceUrl);
        var now = time.GetUtcNow().UtcDateTime;
        action.UpdatedAt = now;
        await TouchPlanAsync(planId, now, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "improvement-action", actionId.ToString(CultureInfo.InvariantCulture), input, ct);
        return ((await ActionsAsync(planId, ct)).Single(a => a.Id == actionId), errors);
    }

    /// <summary>Working an open plan's first action puts the plan in progress.</summary>
    private async Task TouchPlanAsync(int planId, DateTime now, CancellationToken ct)
    {
        var plan = await db.ImprovementPlans.FirstAsync(p => p.Id == planId, ct);
        if (plan.Status == PlanStatuses.Open) plan.Status = PlanStatuses.InProgress;
        plan.UpdatedAt = now;
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(ActionInput input, bool creating, CancellationToken ct)
    {
        var errors = PlanStatusCheck.Errors(input.Status);
        if (creating && string.IsNullOrWhiteSpace(input.What)) errors["what"] = ["what is required: the action to take."];
        if (input.What?.Length > 500) errors["what"] = ["what at most 500 characters."];
        if (creating && input.DueOn is null) errors["dueOn"] = ["dueOn is required (yyyy-MM-dd)."];
        if (input.Evidence?.Length > 4000) errors["evidence"] = ["evidence at most 4000 characters."];
        if (input.EvidenceUrl is { Length: > 0 } url && (url.Length > 500 || !(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http")))
            errors["evidenceUrl"] = ["evidenceUrl must be an http(s) address or a path on this site, at most 500 characters."];
        if ((input.StaffId is not null || !string.IsNullOrWhiteSpace(input.StaffCode)) && await StaffIdAsync(input, ct) is null)
            errors["staff"] = ["no active staff member with that id or code."];
        return errors;
    }

    private async Task<int?> StaffIdAsync(ActionInput input, CancellationToken ct)
    {
        if (input.StaffId is { } id) return await db.Staff.Where(s => s.Id == id && s.Active).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(input.StaffCode))
            return await db.Staff.Where(s => s.Code == input.StaffCode.Trim() && s.Active).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        return null;
    }

    private async Task<UnitRow?> RowAsync(string instrument, DateOnly from, DateOnly to, string departmentCode, CancellationToken ct) =>
        (await report.RunAsync(new TrustReportQuery(instrument, from, to, ReportUnits.Department, "sampled", report.MinUnitN), UserScope.Hospital, ct))
            .Units.FirstOrDefault(u => u.Code == departmentCode);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Excerpt(string content) => content.Length <= 60 ? content : content[..60] + "…";
}
