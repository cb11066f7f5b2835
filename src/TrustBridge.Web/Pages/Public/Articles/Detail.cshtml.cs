using Microsoft.AspNetCore.Mvc;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Articles;

public sealed class DetailModel(PortalContent content) : PublishedPageModel(content)
{
    public Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => ShowAsync(PortalPageKinds.Article, slug, ct);
}
