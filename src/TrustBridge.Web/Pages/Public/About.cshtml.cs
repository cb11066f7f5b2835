using Microsoft.AspNetCore.Mvc;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

public sealed class AboutModel(PortalContent content) : PublishedPageModel(content)
{
    public const string Slug = "hospital";
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(PortalPageKinds.Profile, Slug, ct);
}
