using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Articles;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(PortalContent content) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    public List<PublishedPage> Items { get; private set; } = [];
    public List<string> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = (await content.ListAsync(PortalPageKinds.Article, ct)).OrderByDescending(a => a.PublishedAt).ToList();
        static IEnumerable<string> TagsOf(PublishedPage p) => (p.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Tags = all.SelectMany(TagsOf).Distinct().Order(StringComparer.Ordinal).ToList();
        Items = string.IsNullOrWhiteSpace(Tag) ? all : all.Where(a => TagsOf(a).Contains(Tag)).ToList();
    }
}
