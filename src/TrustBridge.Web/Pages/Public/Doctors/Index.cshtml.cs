using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Doctors;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(ClinicSchedules schedules) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<DoctorCard> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await schedules.DoctorsAsync(null, null, ct);
        var q = Q?.Trim();
        Items = string.IsNullOrEmpty(q) ? all
            : all.Where(d => d.Name.Contains(q) || (d.DepartmentName?.Contains(q) ?? false) || (d.Specialties?.Contains(q) ?? false)).ToList();
    }
}
