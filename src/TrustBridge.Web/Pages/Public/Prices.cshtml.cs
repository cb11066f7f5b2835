using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Exports;
using TrustBridge.Web.Features.Paging;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class PricesModel(PriceLists prices) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<PriceRow> Items { get; private set; } = new([], 0, 1, 25);
    public DateTime? Updated { get; private set; }

    private string ListKind => Kind == PriceKinds.Drug ? PriceKinds.Drug : PriceKinds.Service;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kind = ListKind;
        Items = await prices.SearchAsync(Kind, Q?.Trim(), PageNumber, 25, ct);
        Updated = await prices.LastImportAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var table = await prices.ExportAsync(ListKind, Q?.Trim(), ct);
        return File(CsvExport.Write(table), ExportResults.CsvType, $"prices-{ListKind}.csv");
    }
}
