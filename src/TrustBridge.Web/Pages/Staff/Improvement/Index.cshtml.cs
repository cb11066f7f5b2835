using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Improvement;

/// <summary>
/// Improvement plans (专项辅导) for low-alarm departments. Everyone reads the plans in their scope (the supervision group
/// all of them); only the office evaluates a period and edits owner, due date, status and notes.
/// </summary>
public sealed class IndexModel(ImprovementPlanBook book, OpenImprovementPlans open, ScopeOfUser scopes, TrustBridge.Web.Data.TrustDbContext db,
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
    public IReadOnlyList<InstrumentName> Instruments { get; private set; } = [];
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
        // The form posts every field: an emptied owner or notes clears it.
        var (updated, errors) = await book.UpdateAsync(id, new PlanUpdate(plan.Owner ?? "", plan.DueOn, plan.Status, plan.Notes ?? ""), ct);
        if (updated is null) return errors.Count > 0 ? BadRequest() : NotFound();
        TempData["Updated"] = id;
        return Redirect("/Staff/Improvement");
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = await CanEditAsync();
        Quarter = TrustBridge.Core.Calendar.Quarters.LastComplete(clock.Today);
        Plans = await book.ListAsync(Status, await scopes.ForAsync(User, ct), ct);
        Instruments = await InstrumentName.ListAsync(db, ct);
    }

    public static string DefaultInstrument => ShippedInstruments.Trust10;
}
