using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Trust;

/// <summary>Reading and editing improvement plans, for the API and the /Staff/Improvement page alike.</summary>
public sealed class ImprovementPlanBook(TrustDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The plans in the reader's scope (the supervision group and leadership: all), newest period first.</summary>
    public Task<List<PlanView>> ListAsync(string? status, UserScope scope, CancellationToken ct = default)
    {
        var q = db.ImprovementPlans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status)) q = q.Where(p => p.Status == status);
        if (scope.DepartmentIds is { } ids) q = q.Where(p => ids.Contains(p.DepartmentId));
        return q.OrderByDescending(p => p.PeriodTo).ThenBy(p => p.Department!.Code).Select(View).ToListAsync(ct);
    }

    public Task<List<PlanView>> ViewsAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default) =>
        db.ImprovementPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(View).ToListAsync(ct);

    /// <summary>
    /// A null field stays as it is; an empty owner or notes clears it. Returns the plan, or null with the errors by field
    /// (no errors: no such plan).
    /// </summary>
    public async Task<(PlanView? Plan, Dictionary<string, string[]> Errors)> UpdateAsync(int id, PlanUpdate body, CancellationToken ct = default)
    {
        var errors = PlanStatusCheck.Errors(body.Status);
        if (body.Notes?.Length > 4000 || body.Owner?.Length > 100) errors["notes"] = ["notes at most 4000 characters, owner at most 100."];
        if (errors.Count > 0) return (null, errors);
        var plan = await db.ImprovementPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return (null, errors);
        if (body.Owner is not null) plan.Owner = string.IsNullOrWhiteSpace(body.Owner) ? null : body.Owner.Trim();
        if (body.DueOn is { } due) plan.DueOn = due;
        if (body.Status is not null) plan.Status = body.Status;
        if (body.Notes is not null) plan.Notes = body.Notes.Length == 0 ? null : body.Notes;
        plan.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "improvement-plan", id.ToString(System.Globalization.CultureInfo.InvariantCulture), body, ct);
        return ((await ViewsAsync([id], ct)).Single(), errors);
    }

    private static readonly System.Linq.Expressions.Expression<Func<ImprovementPlan, PlanView>> View = p => new PlanView(
        p.Id, p.Department!.Code, p.Department.Name, p.InstrumentCode, p.PeriodFrom, p.PeriodTo, p.N, p.TrustingRate, p.Lower998,
        p.Owner, p.DueOn, p.Status, p.Notes);
}
