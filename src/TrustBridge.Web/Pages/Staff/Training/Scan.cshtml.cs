using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Training;

namespace TrustBridge.Web.Pages.Staff.Training;

/// <summary>Where a session's QR code leads: the signed-in member of staff confirms her attendance (on the session's day).</summary>
public sealed class ScanModel(TrainingWork work, TrustDbContext db) : PageModel
{
    public TrustBridge.Web.Domain.TrainingSession? Session { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).FirstOrDefaultAsync(s => s.ScanToken == token, ct);
        return Session is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var staffId = await db.Users.Where(u => u.Id == id).Select(u => u.StaffId).FirstOrDefaultAsync(ct);
        var r = await work.ScanAsync(token, staffId, ct);
        if (r.NotFound) return NotFound();
        if (r.Value is { } v) return Redirect($"/Staff/Training/Credits?staff={Uri.EscapeDataString(v.StaffCode)}&scanned={v.SessionId}");
        Session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).FirstAsync(s => s.ScanToken == token, ct);
        Problem = r.Errors!.Values.First().First();
        Response.StatusCode = 400;
        return Page();
    }
}
