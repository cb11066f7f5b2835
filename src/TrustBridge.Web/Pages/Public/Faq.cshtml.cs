using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class FaqModel(PortalContent content) : PageModel
{
    public List<PublishedPage> Items { get; private set; } = [];
    public async Task OnGetAsync(CancellationToken ct) => Items = await content.ListAsync(PortalPageKinds.Faq, ct);
}
