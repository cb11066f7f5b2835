using Microsoft.EntityFrameworkCore;

namespace TrustBridge.Web.Features.Paging;

/// <summary>One page of a list, with the total so pages can show "1–50 of 1,234".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public static class PagedQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    /// <summary>The most rows one CSV or .xlsx export carries.</summary>
    public const int MaxExportRows = 100_000;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize, int maxPageSize = MaxPageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, maxPageSize));

    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken ct, int maxPageSize = MaxPageSize)
    {
        var (p, size) = Normalize(page, pageSize, maxPageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<T>(items, total, p, size);
    }
}
