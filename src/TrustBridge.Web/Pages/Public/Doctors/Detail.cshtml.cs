using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Doctors;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class DetailModel(ClinicSchedules schedules) : PageModel
{
    public DoctorCard? Doctor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Doctor = (await schedules.DoctorsAsync(null, code, ct)).FirstOrDefault();
        if (Doctor is null) return NotFound();
        ViewData["Title"] = $"{Doctor.Name} {Doctor.Title}";
        return Page();
    }
}
