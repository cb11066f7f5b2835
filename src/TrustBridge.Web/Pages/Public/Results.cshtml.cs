using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Public;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ResultsModel(PublicResults results) : PageModel
{
    public PublicComplaintStats? Complaints { get; private set; }
    public int MinN => results.MinPublishedN;
    public async Task OnGetAsync(CancellationToken ct) => Complaints = await results.ComplaintsAsync(ct);
}
