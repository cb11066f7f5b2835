using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Paging;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Waves;

/// <summary>
/// One wave: the eligible population, exclusions by reason, the sample per department, invitations by status and — for
/// the office, like the API — the drawn patients with masked mobiles (audited as a patient list). "Send" queues the SMS.
/// </summary>
public sealed class DetailModel(GetSurveyWave get, SendWaveInvitations send, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }
    public WaveView Wave { get; private set; } = null!;
    public Paged<InvitationView>? Invitations { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } wave) return NotFound();
        Wave = wave;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;
        if (CanEdit)
        {
            Invitations = await get.InvitationsAsync(id, string.IsNullOrWhiteSpace(DepartmentCode) ? null : DepartmentCode, PageNumber, 50, ct);
            await audit.RecordAsync(AuditActions.PatientListViewed, "survey-wave", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { DepartmentCode, Invitations.Page }, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded) return Forbid();
        if (await get.RunAsync(id, ct) is null) return NotFound();
        TempData["Queued"] = await send.SendAsync(id, ct);
        return Redirect($"/Staff/Surveys/Waves/Detail/{id}");
    }
}
