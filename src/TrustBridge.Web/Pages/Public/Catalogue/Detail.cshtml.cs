using Microsoft.AspNetCore.Mvc;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Catalogue;

public sealed class DetailModel(PortalContent content) : PublishedPageModel(content)
{
    public Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => ShowAsync(PortalPageKinds.Catalogue, slug, ct);
}
