using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>Printable posters, one A4 page per department, whose QR code opens the feedback form (channel qr).</summary>
public sealed class PostersModel(FeedbackPosters posters) : PageModel
{
    public string? Department { get; private set; }
    public List<FeedbackPoster> Departments { get; private set; } = [];
    public List<FeedbackPoster> Posters { get; private set; } = [];

    public async Task OnGetAsync(string? department, CancellationToken ct)
    {
        Departments = await posters.ListAsync(null, ct);
        Department = Departments.Any(d => d.DepartmentCode == department) ? department : null;
        Posters = Department is null ? Departments : Departments.Where(d => d.DepartmentCode == Department).ToList();
    }
}
