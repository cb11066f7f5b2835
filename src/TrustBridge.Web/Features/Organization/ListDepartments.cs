using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Organization;

public sealed record DepartmentFilter(string? Q = null, string? Kind = null, bool? Active = null, int? Page = null, int? PageSize = null)
{
    /// <summary>A download: up to PagedQuery.MaxExportRows rows in one page.</summary>
    public bool Export { get; init; }
}

public sealed class ListDepartments(TrustDbContext db)
{
    public Task<Paged<DepartmentView>> RunAsync(DepartmentFilter f, CancellationToken ct = default)
    {
        var q = db.Departments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(d => d.Code.Contains(f.Q) || d.Name.Contains(f.Q));
        if (!string.IsNullOrWhiteSpace(f.Kind)) q = q.Where(d => d.Kind == f.Kind);
        if (f.Active is bool active) q = q.Where(d => d.Active == active);
        return q.OrderBy(d => d.Code)
            .Select(d => new DepartmentView(d.Id, d.Code, d.Name, d.Kind, d.Parent!.Code, d.Parent.Name, d.Active,
                db.Staff.Count(s => s.DepartmentId == d.Id)))
            .ToPagedAsync(f.Page, f.PageSize, ct, f.Export ? PagedQuery.MaxExportRows : PagedQuery.MaxPageSize);
    }

    public Task<DepartmentView?> GetAsync(string code, CancellationToken ct = default) =>
        db.Departments.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new DepartmentView(d.Id, d.Code, d.Name, d.Kind, d.Parent!.Code, d.Parent.Name, d.Active,
                db.Staff.Count(s => s.DepartmentId == d.Id)))
            .FirstOrDefaultAsync(ct);
}
