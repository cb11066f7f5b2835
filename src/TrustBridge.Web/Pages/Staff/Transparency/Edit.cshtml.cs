using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Portal;

namespace TrustBridge.Web.Pages.Staff.Transparency;

/// <summary>Edit one page in Markdown, send it for review, publish it (now or at a time) or return it.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class EditModel(PortalEditing editing, HospitalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public int? Category { get; set; }
    [BindProperty] public string? ChangedOn { get; set; }
    [BindProperty] public int? DeadlineWorkingDays { get; set; }
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? PublishAt { get; set; }
    public EditablePage? Current { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Conflict { get; private set; }
    public string? Done { get; set; }

    private string UserName => User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "staff";

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        if (Id is null && Kind is not null && Slug is not null) Id = await editing.FindAsync(Kind, Slug, ct);
        if (Id is { } id)
        {
            Current = await editing.GetAsync(id, ct);
            if (Current is null) return NotFound();
            (Kind, Slug, Title, Summary, Body, Category, Tags) = (Current.Kind, Current.Slug, Current.Title, Current.Summary, Current.Body, Current.Category, Current.Tags);
            DeadlineWorkingDays = Current.DeadlineWorkingDays;
            ChangedOn = Current.ChangedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (Kind is null || Slug is null || !PortalPageKinds.All.Contains(Kind)) return NotFound();
        else Category = PortalEditing.DefaultCategory(Kind);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        DateOnly? changed = null;
        if (!string.IsNullOrWhiteSpace(ChangedOn))
        {
            if (DateOnly.TryParseExact(ChangedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) changed = d;
            else Errors["changedOn"] = ["changedOn must be a date like 2026-12-01."];
        }
        if (Errors.Count == 0)
        {
            var o = await editing.SaveDraftAsync(Kind ?? "", Slug ?? "", new PageInput(Title, Summary, Body ?? "", Category, changed, Tags ?? "", DeadlineWorkingDays), UserName, ct);
            if (o.Ok) return RedirectToPage(new { id = o.Id, done = "saved" });
            Errors = o.Errors ?? [];
        }
        return await RedisplayAsync(ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => StepAsync(() => editing.SubmitAsync(Id ?? 0, UserName, ct), "submitted", ct);
    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => StepAsync(() => editing.ReturnAsync(Id ?? 0, UserName, ct), "returned", ct);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        DateTime? at = null;
        if (!string.IsNullOrWhiteSpace(PublishAt))
        {
            if (DateTime.TryParseExact(PublishAt.Trim().Replace('T', ' '), ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                at = clock.LocalToUtc(local);
            else
            {
                Errors["publishAt"] = ["publishAt must be a time like 2026-12-05 08:00."];
                return await RedisplayAsync(ct);
            }
        }
        return await StepAsync(() => editing.PublishAsync(Id ?? 0, at, UserName, ct), "published", ct);
    }

    private async Task<IActionResult> StepAsync(Func<Task<PortalOutcome>> step, string done, CancellationToken ct)
    {
        var o = await step();
        if (o.NotFound) return NotFound();
        if (o.Ok) return RedirectToPage(new { id = Id, done });
        Errors = o.Errors ?? [];
        Conflict = o.Conflict;
        if (Id is { } id && await editing.GetAsync(id, ct) is { } page)
        {
            Current = page;
            (Kind, Slug, Title, Summary, Body, Category, Tags) = (page.Kind, page.Slug, page.Title, page.Summary, page.Body, page.Category, page.Tags);
        }
        Response.StatusCode = o.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        if (Id is { } id) Current = await editing.GetAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
