using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Recovery;

/// <summary>Service-recovery tasks (low answers to follow up); the office closes them with notes, others read them in their scope.</summary>
public sealed class IndexModel(TrustDbContext db, ScopeOfUser scopes, AuditLog audit, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public IReadOnlyList<RecoveryView> Tasks { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;
        var scope = await scopes.ForAsync(User, ct);
        var q = db.ServiceRecoveryTasks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Status)) q = q.Where(t => t.Status == Status);
        if (scope.DepartmentIds is { } ids) q = q.Where(t => ids.Contains(t.DepartmentId));
        Tasks = await q.OrderBy(t => t.Status == PlanStatuses.Done || t.Status == PlanStatuses.Cancelled).ThenByDescending(t => t.Id).Take(500)
            .Select(t => new RecoveryView(t.Id, t.ResponseId, t.Department!.Code, t.Department.Name, t.Reason, t.Score, t.Recommend, t.Comment,
                t.Status, t.Notes, t.CreatedAt, t.ClosedAt)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, string? newStatus, string? notes, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded) return Forbid();
        if (newStatus is not { } status || !PlanStatuses.All.Contains(status)) return BadRequest();
        var task = await db.ServiceRecoveryTasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return NotFound();
        task.Status = status;
        task.ClosedAt = status is PlanStatuses.Done or PlanStatuses.Cancelled ? time.GetUtcNow().UtcDateTime : null;
        if (notes is not null) task.Notes = notes.Length > 4000 ? notes[..4000] : notes;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "service-recovery", id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { status, notes }, ct);
        return Redirect("/Staff/Surveys/Recovery" + (string.IsNullOrEmpty(Status) ? "" : "?status=" + Uri.EscapeDataString(Status)));
    }
}
