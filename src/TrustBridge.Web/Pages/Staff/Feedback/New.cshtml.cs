using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using System.Security.Claims;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>
/// Staff entry (登记) of a case received by phone, letter, visit, mailbox, symposium or follow-up call, with the time it
/// was received in hospital time. 试分诊 shows what triage suggests before saving (a separate POST, so it works without JS).
/// </summary>
public sealed class NewModel(ReceiveFeedback receive, TriageEngine triage, HospitalClock clock, TrustDbContext db) : PageModel
{
    [BindProperty] public string Channel { get; set; } = FeedbackChannels.Phone;
    [BindProperty] public DateTime? ReceivedAt { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public List<string> DepartmentCodes { get; set; } = [];
    [BindProperty] public string? StaffCode { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? PatientMrn { get; set; }
    [BindProperty(Name = "Content")] public string? Text { get; set; }
    [BindProperty] public bool ResolvedOnTheSpot { get; set; }
    /// <summary>对方有威胁言行: the person taking the case heard a threat; the case is high whatever triage says.</summary>
    [BindProperty] public bool ThreatReported { get; set; }
    [BindProperty] public string? Resolution { get; set; }

    public TriageAnswer? Suggestion { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public List<(string Code, string Name)> Departments { get; private set; } = [];
    public bool Denied { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!StaffEntry.MayEnter(User)) return Deny();
        ReceivedAt = Minutes(clock.Now.DateTime);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>试分诊: the suggestion and its cues for the text typed so far; nothing is saved.</summary>
    public async Task<IActionResult> OnPostTriageAsync(CancellationToken ct)
    {
        if (!StaffEntry.MayEnter(User)) return Deny();
        if (string.IsNullOrWhiteSpace(Text)) Errors["content"] = ["请填写反映内容。"];
        else
        {
            var r = triage.Classify(Text);
            Suggestion = TriageAnswer.From(r);
        }
        await LoadAsync(ct);
        return Request.Headers.ContainsKey("HX-Request") ? Partial("/Pages/Staff/Feedback/_TriagePreview.cshtml", Suggestion) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!StaffEntry.MayEnter(User)) return Deny();
        if (!FeedbackChannels.StaffEntry.Contains(Channel)) Errors["channel"] = ["请选择受理渠道。"];
        if (ReceivedAt is null) Errors["receivedAt"] = ["请填写收到时间。"];
        if (ResolvedOnTheSpot && string.IsNullOrWhiteSpace(Resolution)) Errors["resolution"] = ["请填写当场处理的结果。"];
        if (Errors.Count == 0)
        {
            var input = new FeedbackInput(Type: string.IsNullOrEmpty(Type) ? null : Type, Content: Text, Channel: Channel, ReceivedAt: clock.LocalToUtc(ReceivedAt!.Value),
                DepartmentCodes: [.. DepartmentCodes], Name: Name, Mobile: Mobile, StaffCode: string.IsNullOrWhiteSpace(StaffCode) ? null : StaffCode.Trim(),
                PatientMrn: string.IsNullOrWhiteSpace(PatientMrn) ? null : PatientMrn.Trim(), ResolvedOnTheSpot: ResolvedOnTheSpot ? true : null,
                Resolution: ResolvedOnTheSpot ? Resolution : null, ThreatReported: ThreatReported ? true : null);
            var who = new Submitter(User.FindFirstValue(ClaimTypes.NameIdentifier), User.FindFirstValue("display_name") ?? User.Identity?.Name, true);
            var (created, errors) = await receive.RunAsync(input, who, null, ct);
            if (created is not null) return Redirect($"/Staff/Feedback/Case/{created.Id}?done=created");
            Errors = errors;
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private IActionResult Deny()
    {
        Denied = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Departments = (await db.Departments.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Code, d.Name)).ToList();

    private static DateTime Minutes(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Unspecified);

    public IEnumerable<string> ErrorsFor(string key) => Errors.TryGetValue(key, out var list) ? list : [];
}
