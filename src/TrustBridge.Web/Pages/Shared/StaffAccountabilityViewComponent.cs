using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Disputes;

namespace TrustBridge.Web.Pages.Shared;

/// <summary>
/// 责任追究 on a staff profile: the decisions of closed and open disputes about this person, shown to those who read all
/// disputes, the head of the person's department and the person himself (docs/decisions/009); nothing for anyone else.
/// </summary>
public sealed class StaffAccountabilityViewComponent(TrustDbContext db, DisputeAccess access, AuditLog audit) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int staffId)
    {
        var ct = HttpContext.RequestAborted;
        var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null) return Content("");
        var viewer = await access.ViewerAsync(HttpContext.User, ct);
        if (!DisputeAccess.SeesAccountabilityOf(viewer, staff)) return Content("");
        var rows = await db.DisputeAccountability.AsNoTracking().Where(a => a.StaffId == staffId)
            .Join(db.Disputes, a => a.DisputeId, d => d.Id, (a, d) => new StaffAccountabilityRow(d.Id, d.Reference, a.Decision, a.Amount, a.Reason, a.DecidedOn, a.DecidedBy))
            .ToListAsync(ct);
        rows = [.. rows.OrderByDescending(r => r.DecidedOn)];
        await audit.RecordAsync(DisputeReads.Viewed, "staff-accountability", staff.Code, new { count = rows.Count }, ct);
        return View(new StaffAccountabilityModel(rows, viewer.ReadsAll || viewer.IsDepartmentHead));
    }
}

public sealed record StaffAccountabilityRow(int DisputeId, string Reference, string Decision, decimal? Amount, string Reason, DateOnly DecidedOn, string DecidedBy);
public sealed record StaffAccountabilityModel(IReadOnlyList<StaffAccountabilityRow> Rows, bool LinksToDisputes);
