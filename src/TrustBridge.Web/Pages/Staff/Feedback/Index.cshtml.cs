using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Paging;
using TrustBridge.Web.Pages.Shared;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>The queue of feedback cases (工单): tabs, filters, sort, paging and downloads, scoped to what the viewer may see.</summary>
public sealed class IndexModel(ListCases list, CountCaseViews counts, FeedbackAccess access, TrustDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? RiskLevel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<CaseSummary> Cases { get; private set; } = new([], 0, 1, PagedQuery.DefaultPageSize);
    public CaseViewCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public List<(string Code, string Name)> Departments { get; private set; } = [];
    public bool DatesUnreadable { get; private set; }
    public bool MayExportOverrides { get; private set; }
    public bool MayEnter { get; private set; }

    public static readonly (string? View, string Label)[] Tabs =
    [
        (null, "全部"), (CaseViewsFilter.Open, "待办"), (CaseViewsFilter.DueSoon, "即将到期"), (CaseViewsFilter.Overdue, "已超期"),
        (CaseViewsFilter.Alerts, "高危预警"), (CaseViewsFilter.SecondLook, "可能高危"), (CaseViewsFilter.Review, "待审核答复"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (View is not null && !CaseViewsFilter.All.Contains(View)) View = null;
        DatesUnreadable = DateFilters.Unreadable(ModelState);
        var viewer = await access.ViewerAsync(User, ct);
        Cases = await list.RunAsync(new CaseFilter(View, Blank(Status), Blank(Type), Blank(Category), Blank(RiskLevel), Blank(Channel), Blank(DepartmentCode),
            CaseSearch.Term(Q), From, To, null, Blank(Sort), PageNumber, PagedQuery.DefaultPageSize), viewer, ct);
        Counts = await counts.RunAsync(viewer, ct);
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Code, d.Name)).ToList();
        MayExportOverrides = (await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;
        MayEnter = StaffEntry.MayEnter(User);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string TabHref(string? view)
    {
        var q = Request.Query.Where(kv => kv.Key is not ("view" or "page"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))).ToList();
        if (view is not null) q.Add(new("view", view));
        return "/Staff/Feedback" + QueryString.Create(q);
    }
}
