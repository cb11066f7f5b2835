using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public.Catalogue;

public sealed record CatalogueItem(int Category, string Title, string Path, DateTime? Updated);

/// <summary>The ten categories with every published item and its last update; the lists kept outside pages (prices, results) too.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(PortalContent content, PriceLists prices) : PageModel
{
    public List<CatalogueItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pages = await content.AllAsync(ct);
        Items = pages.Where(p => p.Kind is not (PortalPageKinds.Article or PortalPageKinds.Faq or PortalPageKinds.Department))
            .Select(p => new CatalogueItem(p.Category, p.Title, PortalContent.PathOf(p.Kind, p.Slug), p.PublishedAt)).ToList();
        var newest = (string kind) => pages.Where(p => p.Kind == kind).Select(p => (DateTime?)p.PublishedAt).DefaultIfEmpty().Max();
        Items.Add(new CatalogueItem(2, "科室分布与医生出诊", "/Public/Departments", newest(PortalPageKinds.Department)));
        var priced = await prices.LastImportAsync(ct);
        Items.Add(new CatalogueItem(5, "医疗服务价格", "/Public/Prices", priced));
        Items.Add(new CatalogueItem(5, "药品价格", "/Public/Prices?kind=drug", priced));
        Items.Add(new CatalogueItem(6, "健康科普文章", "/Public/Articles", newest(PortalPageKinds.Article)));
        Items.Add(new CatalogueItem(6, "健康讲座与义诊", "/Public/Events", null));
        Items.Add(new CatalogueItem(9, "常见问题", "/Public/Faq", newest(PortalPageKinds.Faq)));
        Items.Add(new CatalogueItem(9, "在线意见和投诉", "/Patient/Feedback", null));
        Items.Add(new CatalogueItem(10, "患者评价结果与投诉统计", "/Public/Results", null));
        Items.Add(new CatalogueItem(10, "您说·我们做", "/Public/YouSaidWeDid", null));
    }
}
