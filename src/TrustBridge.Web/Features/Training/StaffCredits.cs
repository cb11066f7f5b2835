using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Assessment;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Training;

/// <summary>The JSON contract of GET /api/training/staff/{code}/credits.</summary>
public sealed record CreditsSummary(int Year, decimal Total, decimal ClassI, decimal ClassII, decimal National5y, string Status, decimal ShortBy);

public sealed record CreditRow(int Id, DateOnly EarnedOn, string Title, string Level, string CreditClass, string Role, decimal Hours, decimal Credits, string? CertificateNumber, bool FromSession, string? EvidenceName);

public sealed record StaffCreditsView(string StaffCode, string StaffName, string? DepartmentName, CreditsSummary Summary, decimal National5yShortBy, IReadOnlyList<CreditRow> Records);

/// <summary>A member of staff's CME year under the rules of ASSESSMENT.md (Core), and who may see it.</summary>
public sealed class StaffCredits(TrustDbContext db)
{
    public enum Access { Allowed, NotFound, Forbidden }

    public async Task<(Access Access, StaffCreditsView? View)> ForAsync(string code, int year, UserScope scope, CancellationToken ct = default)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.Code == code).Select(s => new { s.Id, s.Code, s.Name, s.DepartmentId, Dept = s.Department!.Name }).FirstOrDefaultAsync(ct);
        if (staff is null) return (Access.NotFound, null);
        var mayRead = scope.DepartmentIds is null || scope.StaffId == staff.Id
            || (!scope.SelfOnly && staff.DepartmentId is { } d && scope.DepartmentIds.Contains(d));
        if (!mayRead) return (Access.Forbidden, null);
        var records = await db.CmeCredits.AsNoTracking().Where(c => c.StaffId == staff.Id && c.Year > year - 5 && c.Year <= year)
            .OrderByDescending(c => c.EarnedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var y = CmeCreditRules.Evaluate(year, records.Select(r => new CmeCredit(r.Year, r.CreditClass, r.Level, r.Credits)));
        var rows = records.Where(r => r.Year == year).Select(r => new CreditRow(r.Id, r.EarnedOn, r.Title, r.Level, r.CreditClass, r.Role, r.Hours, r.Credits, r.CertificateNumber, r.SessionId != null, r.EvidenceName)).ToList();
        return (Access.Allowed, new StaffCreditsView(staff.Code, staff.Name, staff.Dept,
            new CreditsSummary(y.Year, y.Total, y.ClassI, y.ClassII, y.National5Y, y.Status, y.ShortBy), y.National5YShortBy, rows));
    }
}
