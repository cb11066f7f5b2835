using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Features.Feedback;

public sealed record FeedbackPoster(string DepartmentCode, string DepartmentName, string Link, string PngDataUri);

/// <summary>
/// Printable posters, one per active department, whose QR code opens the public feedback form with the department
/// chosen and the channel qr: {Feedback:PublicBaseUrl}/Patient/Feedback?dept={code}&amp;src=qr.
/// </summary>
public sealed class FeedbackPosters(TrustDbContext db, IOptions<FeedbackOptions> options)
{
    public string LinkFor(string departmentCode) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/Patient/Feedback?dept={Uri.EscapeDataString(departmentCode)}&src=qr";

    public async Task<List<FeedbackPoster>> ListAsync(string? departmentCode, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.Active && (departmentCode == null || departmentCode == "" || d.Code == departmentCode))
            .OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        return departments.Select(d =>
        {
            var link = LinkFor(d.Code);
            return new FeedbackPoster(d.Code, d.Name, link, "data:image/png;base64," + Convert.ToBase64String(QrPosters.Png(link)));
        }).ToList();
    }
}
