namespace TrustBridge.Web.Pages.Shared;

/// <summary>What the pager partial needs: "第 1–50 条，共 1,234 条" and links that keep the current filters.</summary>
public sealed record PagerModel(int Total, int Page, int PageSize)
{
    public static PagerModel Of<T>(Features.Paging.Paged<T> p) => new(p.Total, p.Page, p.PageSize);
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
    public int First => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int Last => Math.Min(Total, Page * PageSize);
}
