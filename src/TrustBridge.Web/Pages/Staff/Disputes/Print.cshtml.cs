using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Disputes;

namespace TrustBridge.Web.Pages.Staff.Disputes;

/// <summary>Printable documents (zh): the 告知书 of art. 23 and the sealing list of arts. 24–25. Reading them is audited like the dispute.</summary>
public sealed class PrintModel(DisputeReads reads, DisputeAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Doc { get; set; }
    public DisputeDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (Doc is not ("notice" or "seals")) Doc = "notice";
        Detail = await reads.GetAsync(id, await access.ViewerAsync(User, ct), ct) as DisputeDetail;
        return Detail is null ? NotFound() : Page();
    }
}
