using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Disputes;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Pages.Staff.Disputes;

/// <summary>The dispute queue: tabs (all, due soon, overdue, major), filters, search and paging, scoped to what the viewer may see.</summary>
public sealed class IndexModel(DisputeReads reads, DisputeAccess access, TrustDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Route { get; set; }
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<DisputeRow> Disputes { get; private set; } = new([], 0, 1, 25);
    public List<(string Code, string Name)> Departments { get; private set; } = [];
    public DisputeViewer? Viewer { get; private set; }

    public static readonly (string? View, string Label)[] Tabs = [(null, "全部"), ("due-soon", "即将到期"), ("overdue", "已超期"), ("major", "重大纠纷")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (View is not null && !DisputeFilter.Views.Contains(View)) View = null;
        if (Route is not null && !DisputeRoutes.All.Contains(Route)) Route = null;
        if (Status is not null && !DisputeStatuses.All.Contains(Status)) Status = null;
        Viewer = await access.ViewerAsync(User, ct);
        Disputes = await reads.ListAsync(new DisputeFilter(Status, Route, Blank(DepartmentCode), View, Blank(Q), null, PageNumber, 25), Viewer, ct);
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name)).ToList();
    }

    public string TabHref(string? view) => view is null ? "/Staff/Disputes" : $"/Staff/Disputes?view={view}";
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
