using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Instruments;

/// <summary>Every version of every questionnaire, newest first within a code (what GET /api/instruments lists).</summary>
public sealed class IndexModel(TrustDbContext db) : PageModel
{
    public IReadOnlyList<InstrumentView> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await db.Instruments.AsNoTracking().Include(i => i.Items).OrderBy(i => i.Code).ThenByDescending(i => i.Version).ToListAsync(ct);
        Versions = all.Select(EditInstrument.View).ToList();
    }
}
