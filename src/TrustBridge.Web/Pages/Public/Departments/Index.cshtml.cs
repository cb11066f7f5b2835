using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Departments;

public sealed record DepartmentLink(string Code, string Name, string Kind);

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(TrustDbContext db) : PageModel
{
    public List<DepartmentLink> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.Departments.AsNoTracking().Where(d => d.Active && d.Kind != DepartmentKinds.Admin)
            .OrderBy(d => d.Kind).ThenBy(d => d.Code).Select(d => new DepartmentLink(d.Code, d.Name, d.Kind)).ToListAsync(ct);
}
