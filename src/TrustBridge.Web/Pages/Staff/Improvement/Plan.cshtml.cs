using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Improvement;

/// <summary>
/// One improvement plan to work: its actions (what, who from the staff list, due, status, evidence), the baseline and
/// the re-measurement at the next survey wave side by side, and the department's complaints in the plan's period.
/// The office and the department's head add and update actions; the supervision group and leadership read.
/// </summary>
public sealed class PlanModel(ImprovementPlanWork work, ImprovementPlanBook book, ScopeOfUser scopes, TrustDbContext db) : PageModel
{
    public sealed class ActionForm
    {
        public string? What { get; set; }
        public string? StaffCode { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? Status { get; set; }
        public string? Evidence { get; set; }
        public string? EvidenceUrl { get; set; }
    }

    public PlanDetail Detail { get; private set; } = null!;
    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];
    public IReadOnlyList<InstrumentName> Instruments { get; private set; } = [];
    public bool CanWork { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Done { get; private set; }
    public string DoneWhat { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddActionAsync(int id, ActionForm action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWork) return Forbid();
        var (added, errors) = await work.AddActionAsync(id, new ActionInput(action.What, null, action.StaffCode, action.DueOn, action.Status, action.Evidence, action.EvidenceUrl), ct);
        if (added is null) { Errors = errors; return Page(); }
        TempData["PlanDone"] = "已添加措施：{0}";
        TempData["PlanDoneWhat"] = added.What;
        return Redirect($"/Staff/Improvement/Plan/{id}#actions");
    }

    public async Task<IActionResult> OnPostUpdateActionAsync(int id, int actionId, ActionForm action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWork) return Forbid();
        var (updated, errors) = await work.UpdateActionAsync(id, actionId,
            new ActionInput(null, null, string.IsNullOrWhiteSpace(action.StaffCode) ? null : action.StaffCode, action.DueOn, action.Status, action.Evidence ?? "", action.EvidenceUrl ?? ""), ct);
        if (updated is null) { if (errors.Count == 0) return NotFound(); Errors = errors; return Page(); }
        TempData["PlanDone"] = "已更新措施：{0}";
        TempData["PlanDoneWhat"] = updated.What;
        return Redirect($"/Staff/Improvement/Plan/{id}#action-{actionId}");
    }

    public async Task<IActionResult> OnPostUpdatePlanAsync(int id, IndexModel.PlanForm plan, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWork) return Forbid();
        var (updated, errors) = await book.UpdateAsync(id, new PlanUpdate(plan.Owner ?? "", plan.DueOn, plan.Status, plan.Notes ?? ""), ct);
        if (updated is null) { Errors = errors; return Page(); }
        TempData["PlanDone"] = "已更新计划的负责人、截止日期和状态";
        TempData["PlanDoneWhat"] = "";
        return Redirect($"/Staff/Improvement/Plan/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await work.DetailAsync(id, await scopes.ForAsync(User, ct), ct) is not { } detail) return false;
        Detail = detail;
        CanWork = await work.CanWorkAsync(User, id, ct);
        if (CanWork) Staff = await work.StaffChoicesAsync(id, ct);
        Instruments = await InstrumentName.ListAsync(db, ct);
        Done = TempData["PlanDone"] as string;
        DoneWhat = TempData["PlanDoneWhat"] as string ?? "";
        return true;
    }
}
