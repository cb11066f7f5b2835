using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Assessment;
using TrustBridge.Web.Features.Training;

namespace TrustBridge.Web.Pages.Staff.Training;

/// <summary>The training catalogue and sessions; the office adds sessions here.</summary>
public sealed class IndexModel(TrainingWork work, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<CourseView> Courses { get; private set; } = [];
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    public bool CanManage { get; private set; }
    [BindProperty] public SessionForm Form { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public sealed class SessionForm
    {
        public string? CourseCode { get; set; }
        public DateOnly? HeldOn { get; set; }
        public string? Trainer { get; set; }
        public string? Place { get; set; }
        public int? Capacity { get; set; }
        public string? Level { get; set; } = "hospital";
        public string? CreditClass { get; set; } = "II";
        public decimal? Hours { get; set; }
        public decimal? Credits { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssessmentPolicies.Office)).Succeeded) return Forbid();
        var f = Form;
        var r = await work.AddSessionAsync(new SessionInput(f.CourseCode, f.HeldOn, f.Trainer, f.Place, f.Capacity, f.Level, f.CreditClass, f.Hours, f.Credits), ct);
        if (r.Value is { } s) return RedirectToPage("Session", new { id = s.Id });
        Errors = r.Errors!;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Courses = await work.CoursesAsync(ct);
        Sessions = await work.SessionsAsync(null, ct);
        CanManage = (await authorization.AuthorizeAsync(User, AssessmentPolicies.Office)).Succeeded;
    }
}
