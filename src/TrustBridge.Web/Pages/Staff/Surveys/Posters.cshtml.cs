using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys;

/// <summary>Printable QR posters, one per clinical department, for convenience answers (source qr).</summary>
public sealed class PostersModel(QrPosters posters) : PageModel
{
    public string? Department { get; private set; }
    public List<QrPoster> Departments { get; private set; } = [];
    public List<QrPoster> Posters { get; private set; } = [];

    public async Task OnGetAsync(string? department, CancellationToken ct)
    {
        Departments = await posters.ListAsync(null, ct);
        Department = Departments.Any(d => d.DepartmentCode == department) ? department : null;
        Posters = Department is null ? Departments : Departments.Where(d => d.DepartmentCode == Department).ToList();
    }
}
