using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

/// <summary>A public page showing one published page of the portal (profile, guide, catalogue item, article).</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public abstract class PublishedPageModel(PortalContent content) : PageModel
{
    public PublishedPage? Item { get; private set; }

    protected async Task<IActionResult> ShowAsync(string kind, string slug, CancellationToken ct)
    {
        Item = await content.GetAsync(kind, slug, ct);
        if (Item is null) return NotFound();
        ViewData["Title"] = Item.Title;
        ViewData["Description"] = Item.Description;
        return Page();
    }
}
