using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>The monthly praise list (issue 4, item 7): who was praised by name, how often, and the latest words.</summary>
public sealed class PraiseModel(PraiseBoard praise, FeedbackAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public PraiseMonth List { get; private set; } = null!;
    public bool Unreadable { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(Month) ? praise.CurrentMonth : Month.Trim();
        if (!PraiseBoard.TryParseMonth(text, out var month))
        {
            Unreadable = true;
            PraiseBoard.TryParseMonth(praise.CurrentMonth, out month);
        }
        List = await praise.MonthAsync(month, await access.ViewerAsync(User, ct), ct);
        Month = List.Month;
    }
}
