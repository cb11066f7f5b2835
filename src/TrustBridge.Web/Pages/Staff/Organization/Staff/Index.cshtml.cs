using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Pages.Staff.Organization.Staff;

public sealed class IndexModel(ListStaff list, ListDepartments departments) : PageModel
{
    /// <summary>The 职称 a hospital uses; the filter also accepts any other title typed into the URL.</summary>
    public static readonly string[] CommonTitles = ["主任医师", "副主任医师", "主治医师", "住院医师", "主任护师", "副主任护师", "主管护师", "护师", "护士", "技师"];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<StaffView> Result { get; private set; } = null!;
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await list.RunAsync(new StaffFilter(Q, DepartmentCode, Title, null, PageNumber), ct);
        Departments = (await departments.RunAsync(new DepartmentFilter(PageSize: 500), ct)).Items;
    }
}
