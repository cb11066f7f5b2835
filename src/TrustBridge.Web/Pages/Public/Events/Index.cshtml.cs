using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Events;

/// <summary>Upcoming events by month (the calendar view).</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(PortalEvents events) : PageModel
{
    public List<EventView> Items { get; private set; } = [];
    public async Task OnGetAsync(CancellationToken ct) => Items = await events.UpcomingAsync(ct);
    public string KindName(string k) => EventKinds.Name(k);
}

public static class EventKinds
{
    public static string Name(string k) => k switch { PortalEventKinds.FreeClinic => "义诊", PortalEventKinds.Community => "患者社群活动", _ => "健康讲座" };
}
