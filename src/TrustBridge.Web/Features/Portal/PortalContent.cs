using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Portal;

/// <summary>A page as the public sees it: its newest published version whose publish time has come, as safe HTML.</summary>
public sealed record PublishedPage(int Id, string Kind, string Slug, int Category, int Position, string Title, string? Summary,
    string Html, string Description, DateTime PublishedAt, string? Tags);

/// <summary>The public reads of the portal's pages; nothing here ever shows a draft or a version under review.</summary>
public sealed class PortalContent(TrustDbContext db, TimeProvider time)
{
    private IQueryable<PortalPageVersion> Live()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.PortalPageVersions.AsNoTracking()
            .Where(v => v.Status == PortalStatuses.Published && v.PublishAt <= now)
            .Where(v => !db.PortalPageVersions.Any(w => w.PageId == v.PageId && w.Status == PortalStatuses.Published && w.PublishAt <= now
                && w.Number > v.Number));
    }

    private async Task<List<PublishedPage>> ReadAsync(IQueryable<PortalPageVersion> versions, CancellationToken ct)
    {
        var rows = await versions.Select(v => new
        {
            v.Page!.Id, v.Page.Kind, v.Page.Slug, v.Page.Category, v.Page.Position, v.Title, v.Summary, v.Body, v.PublishAt, v.Page.Tags,
        }).ToListAsync(ct);
        return rows.OrderBy(r => r.Position).ThenBy(r => r.Slug, StringComparer.Ordinal)
            .Select(r => new PublishedPage(r.Id, r.Kind, r.Slug, r.Category, r.Position, r.Title, r.Summary, SafeMarkdown.ToHtml(r.Body),
                r.Summary ?? SafeMarkdown.ToPlainText(r.Body), r.PublishAt!.Value, r.Tags)).ToList();
    }

    public Task<List<PublishedPage>> ListAsync(string kind, CancellationToken ct = default) =>
        ReadAsync(Live().Where(v => v.Page!.Kind == kind), ct);

    public Task<List<PublishedPage>> AllAsync(CancellationToken ct = default) => ReadAsync(Live(), ct);

    public async Task<PublishedPage?> GetAsync(string kind, string slug, CancellationToken ct = default) =>
        (await ReadAsync(Live().Where(v => v.Page!.Kind == kind && v.Page.Slug == slug), ct)).FirstOrDefault();

    /// <summary>Published pages whose title or text contains the words (the home page's search).</summary>
    public async Task<List<PublishedPage>> SearchAsync(string q, CancellationToken ct = default)
    {
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5).ToList();
        var query = Live();
        foreach (var w in words) query = query.Where(v => v.Title.Contains(w) || v.Body.Contains(w));
        return (await ReadAsync(query, ct)).Take(50).ToList();
    }

    /// <summary>The public path of a page.</summary>
    public static string PathOf(string kind, string slug) => kind switch
    {
        PortalPageKinds.Profile => "/Public/About",
        PortalPageKinds.Guide => $"/Public/Guides/{Uri.EscapeDataString(slug)}",
        PortalPageKinds.Faq => $"/Public/Faq#faq-{Uri.EscapeDataString(slug)}",
        PortalPageKinds.Department => $"/Public/Departments/{Uri.EscapeDataString(slug)}",
        PortalPageKinds.Article => $"/Public/Articles/{Uri.EscapeDataString(slug)}",
        _ => $"/Public/Catalogue/{Uri.EscapeDataString(slug)}",
    };
}

/// <summary>The ten categories of 《医疗卫生机构信息公开管理办法》 art. 6 (PORTAL.md).</summary>
public static class CatalogueCategories
{
    public static readonly IReadOnlyList<(int Number, string Name)> All =
    [
        (1, "机构基本概况、公共服务职能"), (2, "科室分布、人员标识、标识导引"), (3, "服务内容、重点学科及医疗技术准入、服务流程及须知"),
        (4, "公共卫生、疾病应急处置相关服务流程"), (5, "医保、价格、收费"), (6, "健康科普宣传教育"), (7, "招标采购信息"),
        (8, "行风廉政建设情况"), (9, "咨询及投诉方式"), (10, "其他法律法规规定应当公开的内容"),
    ];

    public static string NameOf(int n) => All.FirstOrDefault(c => c.Number == n).Name ?? "";
}
