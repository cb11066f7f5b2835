using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Feedback.Symposia;

namespace TrustBridge.Web.Pages.Staff.Feedback.Symposia;

/// <summary>One symposium: participants, minutes, the items raised as cases, raising an item, and the report back.</summary>
public sealed class DetailModel(GetSymposium get, RaiseSymposiumItem raise, ReportBack report, TrustDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed class ItemForm
    {
        public string? Content { get; set; }
        public string? Type { get; set; }
        public List<string> DepartmentCodes { get; set; } = [];
        public string? StaffCode { get; set; }
        public int? ParticipantId { get; set; }
    }

    public SymposiumDetail Symposium { get; private set; } = null!;
    [BindProperty] public ItemForm Item { get; set; } = new();
    [BindProperty] public string? ReportText { get; set; }
    public bool CanEdit { get; private set; }
    public Dictionary<string, string[]> ItemErrors { get; private set; } = [];
    public Dictionary<string, string[]> ReportErrors { get; private set; } = [];
    /// <summary>What the last step did, after the redirect: "item:{case id}" or "report:{messages queued}".</summary>
    [TempData] public string? Flash { get; set; }
    public (string Kind, int Value)? Done => Flash?.Split(':') is [var kind, var n] && int.TryParse(n, out var v) ? (kind, v) : null;
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRaiseItemAsync(int id, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        var r = await raise.RunAsync(id, new SymposiumItemInput(Item.Content, Item.Type, [.. Item.DepartmentCodes], Item.StaffCode, ParticipantId: Item.ParticipantId),
            SymposiaApi.SubmitterOf(User), ct);
        switch (r.Outcome)
        {
            case SymposiumOutcome.NotFound: return NotFound();
            case SymposiumOutcome.Done:
                Flash = $"item:{r.Value!.Id}";
                return Redirect($"/Staff/Feedback/Symposia/Detail/{id}#items");
            case SymposiumOutcome.Conflict: ItemErrors["content"] = [r.Message!]; break;
            default: ItemErrors = r.Errors ?? []; break;
        }
        ReportText = null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        var r = await report.RunAsync(id, new SymposiumReportInput(ReportText), ct);
        switch (r.Outcome)
        {
            case SymposiumOutcome.NotFound: return NotFound();
            case SymposiumOutcome.Done:
                Flash = $"report:{r.Value}";
                return Redirect($"/Staff/Feedback/Symposia/Detail/{id}#report");
            case SymposiumOutcome.Conflict: ReportErrors["text"] = [r.Message!]; break;
            default: ReportErrors = r.Errors ?? []; break;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> MayEditAsync() => (await authorization.AuthorizeAsync(User, Policies.SymposiaWrite)).Succeeded;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } s) return false;
        Symposium = s;
        CanEdit = await MayEditAsync();
        ReportText ??= s.ReportBack ?? s.ReportDraft;
        Departments = (await db.Departments.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Code, d.Name)).ToList();
        return true;
    }
}
