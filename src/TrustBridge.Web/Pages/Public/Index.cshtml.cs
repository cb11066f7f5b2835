using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(PortalContent content, PortalEvents events, YouSaidWeDidBook book, ClinicSchedules schedules) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<PublishedPage> Found { get; private set; } = [];
    public List<DoctorCard> Doctors { get; private set; } = [];
    public List<EventView> Events { get; private set; } = [];
    public List<PublishedPage> Articles { get; private set; } = [];
    public List<YouSaidWeDidEntry> Done { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 50)
        {
            Found = await content.SearchAsync(Q, ct);
            Doctors = (await schedules.DoctorsAsync(null, null, ct))
                .Where(d => d.Name.Contains(Q.Trim()) || (d.Specialties?.Contains(Q.Trim()) ?? false) || (d.DepartmentName?.Contains(Q.Trim()) ?? false))
                .Take(20).ToList();
        }
        Events = (await events.UpcomingAsync(ct)).Take(4).ToList();
        Articles = (await content.ListAsync(PortalPageKinds.Article, ct)).OrderByDescending(a => a.PublishedAt).Take(4).ToList();
        Done = (await book.PublishedAsync(null, ct)).Take(3).ToList();
    }
}
