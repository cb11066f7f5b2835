using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Instruments;

/// <summary>One version with its items and the reliability panel over a period of answers; the office publishes a draft here.</summary>
public sealed class DetailModel(TrustDbContext db, InstrumentReliability reliability, EditInstrument edit, HospitalClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public InstrumentView Instrument { get; private set; } = null!;
    public ReliabilityView? Reliability { get; private set; }
    public IReadOnlyList<(int Version, string Status)> OtherVersions { get; private set; } = [];
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var q = db.Instruments.AsNoTracking().Include(i => i.Items).Where(i => i.Code == code);
        var found = Version is { } v ? await q.FirstOrDefaultAsync(i => i.Version == v, ct) : await q.OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        Instrument = EditInstrument.View(found);
        OtherVersions = (await db.Instruments.Where(i => i.Code == code).OrderByDescending(i => i.Version).Select(i => new { i.Version, i.Status }).ToListAsync(ct))
            .Select(x => (x.Version, x.Status)).ToList();
        PeriodTo = To ?? clock.Today;
        PeriodFrom = From ?? PeriodTo.AddYears(-1);
        Reliability = await reliability.RunAsync(code, PeriodFrom, PeriodTo, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded) return Forbid();
        var published = await edit.PublishAsync(code, ct);
        if (published is null)
        {
            TempData["Problem"] = "没有可发布的草稿。";
            return Redirect($"/Staff/Surveys/Instruments/Detail/{Uri.EscapeDataString(code)}");
        }
        TempData["Published"] = published.Version;
        return Redirect($"/Staff/Surveys/Instruments/Detail/{Uri.EscapeDataString(code)}?version={published.Version}");
    }
}
