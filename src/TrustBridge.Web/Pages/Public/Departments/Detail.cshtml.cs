using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Public.Departments;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class DetailModel(PortalContent content, ClinicSchedules schedules, PublicResults results) : PageModel
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public PublishedPage? Services { get; private set; }
    public List<DoctorCard> Doctors { get; private set; } = [];
    public PublicDepartmentResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Results = await results.DepartmentAsync(code, ShippedInstruments.Trust10, ct);
        if (Results is null) return NotFound();
        Code = Results.Department;
        Name = Results.Name;
        Services = await content.GetAsync(PortalPageKinds.Department, code, ct);
        Doctors = await schedules.DoctorsAsync(code, null, ct);
        ViewData["Title"] = Name;
        if (Services is not null) ViewData["Description"] = Services.Description;
        return Page();
    }
}
