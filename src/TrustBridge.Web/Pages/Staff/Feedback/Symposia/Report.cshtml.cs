using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Feedback.Symposia;

namespace TrustBridge.Web.Pages.Staff.Feedback.Symposia;

/// <summary>The report back as one printable page: the symposium, the items with their status and reply, the report.</summary>
public sealed class ReportModel(GetSymposium get) : PageModel
{
    public SymposiumDetail Symposium { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } s) return NotFound();
        Symposium = s;
        return Page();
    }
}
