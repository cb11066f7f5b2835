using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Feedback.Symposia;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Pages.Staff.Feedback.Symposia;

/// <summary>The symposia, newest first, with search and paging.</summary>
public sealed class IndexModel(ListSymposia list) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<SymposiumRow> Result { get; private set; } = new([], 0, 1, PagedQuery.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct) => Result = await list.RunAsync(Q, PageNumber, 20, ct);
}
