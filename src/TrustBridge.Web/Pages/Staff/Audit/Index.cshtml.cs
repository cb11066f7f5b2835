using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Core.Audit;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Pages.Staff.Audit;

/// <summary>The audit log for the supervision group and administrators; dates in the filter are hospital-local days.</summary>
[Authorize(Policy = Policies.AuditRead)]
public sealed class IndexModel(SearchAuditLog search, VerifyAuditChain verify, HospitalClock hospital) : PageModel
{
    public static readonly string[] KnownActions =
    [
        AuditActions.LoginSucceeded, AuditActions.LoginFailed, AuditActions.LoginLockedOut, AuditActions.Logout,
        AuditActions.Created, AuditActions.Updated, AuditActions.Imported, AuditActions.PatientViewed, AuditActions.PatientListViewed,
        AuditActions.PatientIdentifiersRevealed, AuditActions.EncountersViewed, AuditActions.UserCreated, AuditActions.UserUpdated, AuditActions.DemoSeeded,
    ];

    [BindProperty(Name = "user", SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<AuditEntry> Result { get; private set; } = null!;
    public AuditVerification? Verification { get; private set; }
    public bool BadDate => Pages.Shared.DateFilters.Unreadable(ModelState);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await verify.RunAsync(null, ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await search.RunAsync(new AuditFilter(UserName, Action, EntityType, EntityId,
            From is { } f ? hospital.StartOfDayUtc(f) : null, To is { } t ? hospital.StartOfDayUtc(t.AddDays(1)) : null, PageNumber), ct);
}
