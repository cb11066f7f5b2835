using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>Reading and closing service-recovery tasks, for the API and the /Staff/Surveys/Recovery page alike.</summary>
public sealed class RecoveryTaskBook(TrustDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The tasks in the reader's scope: open ones first, then newest first (at most 500).</summary>
    public async Task<List<RecoveryView>> ListAsync(string? status, UserScope scope, CancellationToken ct = default)
    {
        var q = db.ServiceRecoveryTasks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status)) q = q.Where(t => t.Status == status);
        if (scope.DepartmentIds is { } ids) q = q.Where(t => ids.Contains(t.DepartmentId));
        var tasks = await q.OrderBy(t => t.Status == PlanStatuses.Done || t.Status == PlanStatuses.Cancelled).ThenByDescending(t => t.Id).Take(500)
            .Select(View).ToListAsync(ct);
        return await WithCasesAsync(tasks, ct);
    }

    /// <summary>Adds the feedback case each task's answer opened (one query, by survey response).</summary>
    private async Task<List<RecoveryView>> WithCasesAsync(List<RecoveryView> tasks, CancellationToken ct)
    {
        if (tasks.Count == 0) return tasks;
        var responseIds = tasks.Select(t => (long?)t.ResponseId).Distinct().ToList();
        var cases = await db.FeedbackCases.AsNoTracking().Where(c => responseIds.Contains(c.SurveyResponseId))
            .Select(c => new { c.SurveyResponseId, c.Id }).ToDictionaryAsync(c => c.SurveyResponseId!.Value, c => c.Id, ct);
        return [.. tasks.Select(t => cases.TryGetValue(t.ResponseId, out var id) ? t with { CaseId = id } : t)];
    }

    /// <summary>Returns the task, or null with the errors by field (no errors: no such task).</summary>
    public async Task<(RecoveryView? Task, Dictionary<string, string[]> Errors)> UpdateAsync(int id, RecoveryUpdate body, CancellationToken ct = default)
    {
        var errors = PlanStatusCheck.Errors(body.Status);
        if (errors.Count > 0) return (null, errors);
        var task = await db.ServiceRecoveryTasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return (null, errors);
        if (body.Status is not null)
        {
            task.Status = body.Status;
            task.ClosedAt = body.Status is PlanStatuses.Done or PlanStatuses.Cancelled ? time.GetUtcNow().UtcDateTime : null;
        }
        if (body.Notes is not null) task.Notes = body.Notes.Length > 4000 ? body.Notes[..4000] : body.Notes;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "service-recovery", id.ToString(System.Globalization.CultureInfo.InvariantCulture), body, ct);
        return ((await WithCasesAsync([await db.ServiceRecoveryTasks.AsNoTracking().Where(t => t.Id == id).Select(View).FirstAsync(ct)], ct))[0], errors);
    }

    private static readonly System.Linq.Expressions.Expression<Func<ServiceRecoveryTask, RecoveryView>> View = t => new RecoveryView(
        t.Id, t.ResponseId, t.Department!.Code, t.Department.Name, t.Reason, t.Score, t.Recommend, t.Comment, t.Status, t.Notes, t.CreatedAt, t.ClosedAt);
}
