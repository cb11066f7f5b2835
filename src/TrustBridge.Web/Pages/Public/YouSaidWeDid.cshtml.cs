using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

/// <summary>The newest quarter by default; the archive is every other quarter's link.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class YouSaidWeDidModel(YouSaidWeDidBook book) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public List<string> Quarters { get; private set; } = [];
    public List<YouSaidWeDidEntry> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Quarters = await book.QuartersAsync(ct);
        if (Quarter is null || !YouSaidWeDidBook.QuarterPattern().IsMatch(Quarter)) Quarter = Quarters.FirstOrDefault();
        Items = Quarter is null ? [] : await book.PublishedAsync(Quarter, ct);
    }

    public string StatusName(string s) => s switch { ActionStatuses.Done => "已完成", ActionStatuses.InProgress => "进行中", _ => "计划中" };
}
