using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Portal;

public sealed record PageInput(string? Title, string? Summary, string? Body, int? Category, DateOnly? ChangedOn = null, string? Tags = null,
    int? DeadlineWorkingDays = null);

/// <summary>An operation's outcome: done, the problems by field (400), a state conflict (409) or nothing found (404).</summary>
public sealed record PortalOutcome(int? Id = null, Dictionary<string, string[]>? Errors = null, string? Conflict = null, bool NotFound = false)
{
    public bool Ok => Errors is null && Conflict is null && !NotFound;
    public static PortalOutcome Invalid(string field, string message) => new(Errors: new() { [field] = [message] });
}

public sealed record PageVersionView(int Number, string Title, string Status, string WrittenBy, DateTime WrittenAt, string? ReviewedBy,
    DateTime? ReviewedAt, DateTime? PublishAt);

public sealed record EditablePage(int Id, string Kind, string Slug, int Category, int DeadlineWorkingDays, DateOnly? ChangedOn, DateOnly? DueOn,
    string? Tags, string Title, string? Summary, string Body, string Status, string WrittenBy, DateTime? LivePublishAt, IReadOnlyList<PageVersionView> Versions);

public sealed record PageListRow(int Id, string Kind, string Slug, int Category, string Title, string Status, DateTime UpdatedAt, DateOnly? DueOn, bool Overdue);

/// <summary>
/// The office edits a page as a draft, sends it for review, and another person publishes it, now or at a later time.
/// Every step is a version row (who, when) and an audit entry; publishing meets the page's update deadline.
/// </summary>
public sealed class PortalEditing(TrustDbContext db, HospitalClock clock, HospitalCalendar calendar, AuditLog audit, PublicCache cache)
{
    public const int DefaultDeadline = 20;

    public async Task<List<PageListRow>> ListAsync(string? kind, CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = db.PortalPages.AsNoTracking();
        if (!string.IsNullOrEmpty(kind)) q = q.Where(p => p.Kind == kind);
        var rows = await q.Select(p => new
        {
            p.Id, p.Kind, p.Slug, p.Category, p.UpdatedAt, p.DueOn, p.Position,
            Newest = p.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Title, v.Status }).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Position).ThenBy(r => r.Slug, StringComparer.Ordinal)
            .Select(r => new PageListRow(r.Id, r.Kind, r.Slug, r.Category, r.Newest?.Title ?? r.Slug, r.Newest?.Status ?? PortalStatuses.Draft,
                r.UpdatedAt, r.DueOn, r.DueOn < today)).ToList();
    }

    /// <summary>Catalogue items past their update deadline (the office's home counts them).</summary>
    public Task<int> OverdueCountAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        return db.PortalPages.CountAsync(p => p.DueOn != null && p.DueOn < today, ct);
    }

    public async Task<EditablePage?> GetAsync(int id, CancellationToken ct = default)
    {
        var page = await db.PortalPages.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return null;
        var versions = page.Versions.OrderByDescending(v => v.Number).ToList();
        var newest = versions.FirstOrDefault();
        var now = clock.UtcNow;
        var live = versions.FirstOrDefault(v => v.Status == PortalStatuses.Published && v.PublishAt <= now);
        return new EditablePage(page.Id, page.Kind, page.Slug, page.Category, page.DeadlineWorkingDays, page.ChangedOn, page.DueOn, page.Tags,
            newest?.Title ?? "", newest?.Summary, newest?.Body ?? "", newest?.Status ?? PortalStatuses.Draft, newest?.WrittenBy ?? "", live?.PublishAt,
            versions.Select(v => new PageVersionView(v.Number, v.Title, v.Status, v.WrittenBy, v.WrittenAt, v.ReviewedBy, v.ReviewedAt, v.PublishAt)).ToList());
    }

    public async Task<int?> FindAsync(string kind, string slug, CancellationToken ct = default) =>
        await db.PortalPages.Where(p => p.Kind == kind && p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    public static Dictionary<string, string[]> Validate(PageInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors["title"] = ["title is required."];
        else if (input.Title.Trim().Length > 200) errors["title"] = ["title must be at most 200 characters."];
        if (input.Body is null) errors["body"] = ["body is required (Markdown)."];
        else if (input.Body.Length > 100_000) errors["body"] = ["body must be at most 100,000 characters."];
        foreach (var (field, text) in new[] { ("title", input.Title), ("summary", input.Summary), ("body", input.Body) })
            if (SafeMarkdown.Problem(text) is { } p) errors[field] = [$"{field} {p}"];
        if (input.Summary is { Length: > 500 }) errors["summary"] = ["summary must be at most 500 characters."];
        if (input.Category is { } c && (c < 1 || c > 10)) errors["category"] = ["category must be 1–10 (the catalogue of PORTAL.md)."];
        if (input.DeadlineWorkingDays is { } d && d is not (10 or 20)) errors["deadlineWorkingDays"] = ["deadlineWorkingDays must be 10 or 20."];
        if (input.Tags is { Length: > 200 }) errors["tags"] = ["tags must be at most 200 characters."];
        return errors;
    }

    /// <summary>Creates the page (kind + slug) if new, and writes its text into the newest draft (a new version if none is a draft).</summary>
    public async Task<PortalOutcome> SaveDraftAsync(string kind, string slug, PageInput input, string user, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (!PortalPageKinds.All.Contains(kind)) errors["kind"] = [$"kind must be one of {string.Join(", ", PortalPageKinds.All)}."];
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 64 || !slug.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            errors["slug"] = ["slug must be 1–64 letters, digits, '-' or '_'."];
        if (errors.Count > 0) return new PortalOutcome(Errors: errors);

        var now = clock.UtcNow;
        var page = await db.PortalPages.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Kind == kind && p.Slug == slug, ct);
        if (page is null)
        {
            page = new PortalPage { Kind = kind, Slug = slug, Category = input.Category ?? DefaultCategory(kind), CreatedAt = now };
            db.PortalPages.Add(page);
        }
        if (input.Category is { } c) page.Category = c;
        if (input.DeadlineWorkingDays is { } d) page.DeadlineWorkingDays = d;
        if (input.Tags is not null) page.Tags = string.IsNullOrWhiteSpace(input.Tags) ? null : input.Tags.Trim();
        // A change of the facts starts the update deadline on the hospital calendar (PORTAL.md).
        var changedOn = input.ChangedOn ?? page.ChangedOn ?? clock.Today;
        page.ChangedOn = changedOn;
        page.DueOn = (await calendar.LoadAsync(ct)).AddWorkingDays(changedOn, page.DeadlineWorkingDays);
        page.UpdatedAt = now;

        var draft = page.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        if (draft is not { Status: PortalStatuses.Draft })
        {
            draft = new PortalPageVersion { Number = (page.Versions.Count == 0 ? 0 : page.Versions.Max(v => v.Number)) + 1, Title = "", Body = "", WrittenBy = user };
            page.Versions.Add(draft);
        }
        draft.Title = input.Title!.Trim();
        draft.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        draft.Body = input.Body!;
        draft.WrittenBy = user;
        draft.WrittenAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.draft-saved", "portal_page", page.Id.ToString(), new { kind, slug, version = draft.Number }, ct);
        return new PortalOutcome(page.Id);
    }

    public async Task<PortalOutcome> SubmitAsync(int id, string user, CancellationToken ct = default)
    {
        var newest = await NewestAsync(id, ct);
        if (newest is null) return new PortalOutcome(NotFound: true);
        if (newest.Status != PortalStatuses.Draft) return new PortalOutcome(Conflict: "Only a draft can be sent for review.");
        newest.Status = PortalStatuses.Review;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.submitted", "portal_page", id.ToString(), new { version = newest.Number }, ct);
        return new PortalOutcome(id);
    }

    /// <summary>Sends a version under review back to its writer as a draft.</summary>
    public async Task<PortalOutcome> ReturnAsync(int id, string user, CancellationToken ct = default)
    {
        var newest = await NewestAsync(id, ct);
        if (newest is null) return new PortalOutcome(NotFound: true);
        if (newest.Status != PortalStatuses.Review) return new PortalOutcome(Conflict: "Only a version under review can be returned.");
        newest.Status = PortalStatuses.Draft;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.returned", "portal_page", id.ToString(), new { version = newest.Number, by = user }, ct);
        return new PortalOutcome(id);
    }

    /// <summary>A reviewer (not the writer) publishes the version under review, now or at <paramref name="publishAt"/> (never in the past).</summary>
    public async Task<PortalOutcome> PublishAsync(int id, DateTime? publishAt, string reviewer, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        // A minute of slack: the form's time is typed to the minute.
        if (publishAt is { } at && at < now.AddMinutes(-1)) return PortalOutcome.Invalid("publishAt", "publishAt must not be in the past.");
        var newest = await NewestAsync(id, ct);
        if (newest is null) return new PortalOutcome(NotFound: true);
        if (newest.Status != PortalStatuses.Review) return new PortalOutcome(Conflict: "Only a version under review can be published; send the draft for review first.");
        if (string.Equals(newest.WrittenBy, reviewer, StringComparison.OrdinalIgnoreCase))
            return new PortalOutcome(Conflict: "The writer of a version cannot publish it: another member of the office reviews it.");
        newest.Status = PortalStatuses.Published;
        newest.ReviewedBy = reviewer;
        newest.ReviewedAt = now;
        newest.PublishAt = publishAt is { } t && t > now ? t : now;
        var page = await db.PortalPages.FirstAsync(p => p.Id == id, ct);
        page.ChangedOn = null;
        page.DueOn = null;
        page.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.published", "portal_page", id.ToString(), new { version = newest.Number, publishAt = newest.PublishAt }, ct);
        await cache.EvictAsync(ct);
        return new PortalOutcome(id);
    }

    private Task<PortalPageVersion?> NewestAsync(int pageId, CancellationToken ct) =>
        db.PortalPageVersions.Where(v => v.PageId == pageId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    public static int DefaultCategory(string kind) => kind switch
    {
        PortalPageKinds.Profile => 1,
        PortalPageKinds.Department => 2,
        PortalPageKinds.Guide => 3,
        PortalPageKinds.Article => 6,
        PortalPageKinds.Faq => 9,
        _ => 10,
    };
}
