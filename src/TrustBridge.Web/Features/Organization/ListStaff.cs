using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Organization;

public sealed record StaffFilter(string? Q = null, string? DepartmentCode = null, string? Title = null, bool? Active = null, int? Page = null, int? PageSize = null)
{
    public bool Export { get; init; }
}

public sealed class ListStaff(TrustDbContext db)
{
    public Task<Paged<StaffView>> RunAsync(StaffFilter f, CancellationToken ct = default)
    {
        var q = db.Staff.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(s => s.Code.Contains(f.Q) || s.Name.Contains(f.Q) || (s.Specialties != null && s.Specialties.Contains(f.Q)));
        if (!string.IsNullOrWhiteSpace(f.DepartmentCode)) q = q.Where(s => s.Department!.Code == f.DepartmentCode);
        if (!string.IsNullOrWhiteSpace(f.Title)) q = q.Where(s => s.Title == f.Title);
        if (f.Active is bool active) q = q.Where(s => s.Active == active);
        return q.OrderBy(s => s.Code).Select(View).ToPagedAsync(f.Page, f.PageSize, ct, f.Export ? PagedQuery.MaxExportRows : PagedQuery.MaxPageSize);
    }

    public Task<StaffView?> GetAsync(string code, CancellationToken ct = default) =>
        db.Staff.AsNoTracking().Where(s => s.Code == code).Select(View).FirstOrDefaultAsync(ct);

    private static readonly System.Linq.Expressions.Expression<Func<Domain.Staff, StaffView>> View = s =>
        new StaffView(s.Id, s.Code, s.Name, s.Title, s.Department!.Code, s.Department.Name, s.LicenceNumber, s.Specialties, s.Bio, s.Active);
}
