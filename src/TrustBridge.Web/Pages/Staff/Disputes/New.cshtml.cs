using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Disputes;

namespace TrustBridge.Web.Pages.Staff.Disputes;

/// <summary>Registers a dispute directly (the office and administrators).</summary>
public sealed class NewModel(RegisterDispute register, DisputeAccess access) : PageModel
{
    public string? ErrorField { get; private set; }
    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => (await access.ViewerAsync(User, ct)).Handles ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync([FromForm] string? patientMrn, [FromForm] string? patientName, [FromForm] string? departmentCodes, [FromForm] string? staffCodes,
        [FromForm] string? claim, [FromForm] string? claimedAmount, [FromForm] DateOnly? arisenOn, [FromForm] bool patientDied, [FromForm] string? severity,
        [FromForm] string? reportedBy, CancellationToken ct)
    {
        if (!(await access.ViewerAsync(User, ct)).Handles) return Forbid();
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(claimedAmount))
        {
            if (!decimal.TryParse(claimedAmount.Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a))
            { (ErrorField, ErrorMessage) = ("claimedAmount", "金额须为数字（元）。"); Response.StatusCode = 422; return Page(); }
            amount = a;
        }
        static string[] Codes(string? s) => (s ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries);
        var r = await register.RunAsync(new DisputeInput(PatientMrn: patientMrn, PatientName: patientName, DepartmentCodes: Codes(departmentCodes), StaffCodes: Codes(staffCodes),
            Claim: claim, ClaimedAmount: amount, ArisenOn: arisenOn, PatientDied: patientDied, Severity: string.IsNullOrWhiteSpace(severity) ? null : severity, ReportedBy: reportedBy),
            DisputesApi.Actor(User), ct);
        if (r.Outcome == DisputeOutcome.Done) return Redirect($"/Staff/Disputes/{r.Id}");
        (ErrorField, ErrorMessage) = (r.Field, r.Message);
        Response.StatusCode = 422;
        return Page();
    }
}
