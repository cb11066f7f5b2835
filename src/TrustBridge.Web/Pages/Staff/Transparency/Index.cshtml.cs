using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Staff.Transparency;

/// <summary>院务公开: every page of the portal with its status and update deadline; the office edits and imports price lists.</summary>
public sealed class IndexModel(PortalEditing editing, PriceLists prices, IAuthorizationService authorization) : PageModel
{
    public List<PageListRow> Pages { get; private set; } = [];
    public bool MayEdit { get; private set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? PriceKind { get; set; }
    public string? Message { get; private set; }
    public List<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        MayEdit = (await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;
        Pages = await editing.ListAsync(null, ct);
    }

    public async Task<IActionResult> OnPostPricesAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded) return Forbid();
        if (Upload is null || Upload.Length == 0) Problems.Add("请选择 CSV 文件。");
        else
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                var result = await prices.ImportAsync(PriceKind == PriceKinds.Drug ? PriceKinds.Drug : PriceKinds.Service, stream, null, ct);
                if (result.Errors.Count > 0) Problems.AddRange(result.Errors.Take(50).Select(e => $"line {e.Line}, {e.Column}: {e.Message}"));
                else Message = $"{result.Imported}";
            }
            catch (ImportFileProblem p) { Problems.Add(p.Message); }
        }
        await LoadAsync(ct);
        if (Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
