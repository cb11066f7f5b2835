using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Assessment;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Training;

namespace TrustBridge.Web.Pages.Staff.Training;

/// <summary>A session: its QR code that staff scan on the day, the attendees, and attendance by list for the office.</summary>
public sealed class SessionModel(TrainingWork work, IAuthorizationService authorization) : PageModel
{
    public SessionView Session { get; private set; } = null!;
    public IReadOnlyList<AttendeeView> Attendees { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string ScanUrl { get; private set; } = "";
    [BindProperty] public string? StaffCodes { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetQrAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(QrPosters.Png(ScanUrl), "image/png");
    }

    public async Task<IActionResult> OnPostAsync(int id, string? handler, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssessmentPolicies.Office)).Succeeded) return Forbid();
        var codes = new StaffCodesInput((StaffCodes ?? "").Split([',', '，', ' ', '\n', '\r', '、'], StringSplitOptions.RemoveEmptyEntries));
        var r = Request.Form["action"] == "enrol" ? await work.EnrolAsync(id, codes, ct) : await work.AttendByListAsync(id, codes, ct);
        if (r.NotFound) return NotFound();
        if (r.Value is not null) return RedirectToPage(new { id });
        Errors = r.Errors!;
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = (await work.SessionsAsync(id, ct)).SingleOrDefault();
        if (s is null) return false;
        Session = s;
        Attendees = await work.AttendeesAsync(id, ct);
        CanManage = (await authorization.AuthorizeAsync(User, AssessmentPolicies.Office)).Succeeded;
        ScanUrl = $"{Request.Scheme}://{Request.Host}/Staff/Training/Scan/{s.ScanToken}";
        return true;
    }
}
