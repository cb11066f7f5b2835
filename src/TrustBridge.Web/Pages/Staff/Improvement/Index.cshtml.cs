using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;
using TrustBridge.Web.Pages.Staff.Trust;

namespace TrustBridge.Web.Pages.Staff.Improvement;

/// <summary>
/// Improvement plans (专项辅导) for low-alarm departments. Everyone reads the plans in their scope (the supervision group
/// all of them); only the office evaluates a period and edits owner, due date, status and notes.
/// </summary>
public sealed class IndexModel(TrustDbContext db, OpenImprovementPlans open, ScopeOfUser scopes, AuditLog audit, TimeProvider time,
    HospitalClock clock, IAuthorizationService authorization) : PageModel
{
    public sealed class PlanForm
    {
        public string? Owner { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? Status { get; set; }
        public string? Notes { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public IReadOnlyList<PlanView> Plans { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public (DateOnly From, DateOnly To) Quarter { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostEvaluateAsync(string? instrument, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!await CanEditAsync()) return Forbid();
        if (string.IsNullOrWhiteSpace(instrument) || from is null || to is null || from > to)
        {
            Problem = "请填写问卷和有效的期间（开始不晚于结束）。";
            await LoadAsync(ct);
            return Page();
        }
        var opened = await open.RunAsync(instrument.Trim(), from.Value, to.Value, ct);
        TempData["Opened"] = opened.Count;
        return Redirect("/Staff/Improvement");
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, PlanForm plan, CancellationToken ct)
    {
        if (!await CanEditAsync()) return Forbid();
        if (plan.Status is { } s && !PlanStatuses.All.Contains(s)) return BadRequest();
        if (plan.Notes?.Length > 4000 || plan.Owner?.Length > 100) return BadRequest();
        var found = await db.ImprovementPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (found is null) return NotFound();
        found.Owner = string.IsNullOrWhiteSpace(plan.Owner) ? null : plan.Owner.Trim();
        if (plan.DueOn is { } due) found.DueOn = due;
        if (plan.Status is not null) found.Status = plan.Status;
        found.Notes = plan.Notes;
        found.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "improvement-plan", id.ToString(System.Globalization.CultureInfo.InvariantCulture), plan, ct);
        TempData["Updated"] = id;
        return Redirect("/Staff/Improvement");
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = await CanEditAsync();
        Quarter = TrustBridge.Core.Calendar.Quarters.LastComplete(clock.Today);
        var scope = await scopes.ForAsync(User, ct);
        var q = db.ImprovementPlans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Status)) q = q.Where(p => p.Status == Status);
        if (scope.DepartmentIds is { } ids) q = q.Where(p => ids.Contains(p.DepartmentId));
        Plans = await q.OrderByDescending(p => p.PeriodTo).ThenBy(p => p.Department!.Code)
            .Select(p => new PlanView(p.Id, p.Department!.Code, p.Department.Name, p.InstrumentCode, p.PeriodFrom, p.PeriodTo, p.N, p.TrustingRate,
                p.Lower998, p.Owner, p.DueOn, p.Status, p.Notes)).ToListAsync(ct);
    }

    public static string DefaultInstrument => ShippedInstruments.Trust10;
}
