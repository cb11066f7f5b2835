using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Privacy;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Feedback;

public static class CaseViewsFilter
{
    public const string Open = "open";
    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";
    public const string Alerts = "alerts";
    public const string Review = "review";
    /// <summary>可能高危: second looks not cleared yet (issue 9).</summary>
    public const string SecondLook = "second-look";
    public static readonly string[] All = [Open, DueSoon, Overdue, Alerts, Review, SecondLook];

    /// <summary>"Due soon": the reply deadline falls within the next two days.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(2);

    /// <summary>The cases of one tab of the queue (null or unknown: all). The queue, its tab counts and the banner share these.</summary>
    public static IQueryable<FeedbackCase> Apply(IQueryable<FeedbackCase> q, string? view, DateTime now)
    {
        var soon = now + DueSoonWindow;
        var open = CaseStatuses.Open;
        return view switch
        {
            Open => q.Where(c => open.Contains(c.Status)),
            DueSoon => q.Where(c => open.Contains(c.Status) && c.DueBy >= now && c.DueBy <= soon),
            Overdue => q.Where(c => open.Contains(c.Status) && c.DueBy < now),
            // A high-risk alert nobody has acknowledged (a merged duplicate's alert goes with it).
            Alerts => q.Where(c => c.RiskLevel == "high" && c.AlertAcknowledgedAt == null && c.Status != CaseStatuses.Merged),
            Review => q.Where(c => c.ReplyDraft != null),
            SecondLook => q.Where(c => c.SecondLookDueBy != null && c.SecondLookClearedAt == null && c.Status != CaseStatuses.Merged),
            _ => q,
        };
    }
}

public sealed record CaseFilter(string? View = null, string? Status = null, string? Type = null, string? Category = null, string? RiskLevel = null,
    string? Channel = null, string? DepartmentCode = null, string? Q = null, DateOnly? From = null, DateOnly? To = null, int? StaffId = null,
    string? Sort = null, int? Page = null, int? PageSize = null)
{
    public bool Export { get; init; }
}

/// <summary>The office queue: filters, search, due-soon and overdue lists, paging. Scoped to what the viewer may see.</summary>
public sealed class ListCases(TrustDbContext db, HospitalClock clock, MobileHash mobileHash, AuditLog audit)
{
    public async Task<Paged<CaseSummary>> RunAsync(CaseFilter f, CaseViewer viewer, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var soon = now + CaseViewsFilter.DueSoonWindow;
        var open = CaseStatuses.Open;
        var q = CaseViewsFilter.Apply(FeedbackAccess.Visible(db.FeedbackCases.AsNoTracking(), viewer), f.View, now);
        if (!string.IsNullOrWhiteSpace(f.Status)) q = q.Where(c => c.Status == f.Status);
        if (!string.IsNullOrWhiteSpace(f.Type)) q = q.Where(c => c.Type == f.Type);
        if (!string.IsNullOrWhiteSpace(f.Category)) q = q.Where(c => c.Category == f.Category);
        if (!string.IsNullOrWhiteSpace(f.RiskLevel)) q = q.Where(c => c.RiskLevel == f.RiskLevel);
        if (!string.IsNullOrWhiteSpace(f.Channel)) q = q.Where(c => c.Channel == f.Channel);
        if (f.StaffId is { } sid) q = q.Where(c => c.StaffId == sid);
        if (!string.IsNullOrWhiteSpace(f.DepartmentCode))
            q = q.Where(c => c.Department!.Code == f.DepartmentCode || c.Departments.Any(d => d.Department!.Code == f.DepartmentCode));
        if (f.From is { } from) { var t = clock.StartOfDayUtc(from); q = q.Where(c => c.ReceivedAt >= t); }
        if (f.To is { } to) { var t = clock.StartOfDayUtc(to.AddDays(1)); q = q.Where(c => c.ReceivedAt < t); }
        string? searchedBy = null;
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            var code = TrackingCodes.Normalize(term);
            if (viewer.SeesComplainant && ChineseMobile.Normalize(term) is { } mobile)
            {
                // A full mobile number: matched through the keyed hash, never by decrypting (issue 8, defect 7).
                var hash = mobileHash.Of(mobile);
                q = q.Where(c => c.MobileHash == hash);
                searchedBy = "mobile";
            }
            else if (int.TryParse(term, out var id)) q = q.Where(c => c.Id == id || c.Content.Contains(term));
            else if (code is not null) q = q.Where(c => c.TrackingCode == code);
            else if (viewer.Handles && term.Length <= 100)
            {
                // The complainant's name, for the office and administrators only; anonymous cases keep no name.
                q = q.Where(c => c.Content.Contains(term) || c.ComplainantName == term);
                searchedBy = "name";
            }
            else q = q.Where(c => c.Content.Contains(term));
        }
        q = f.Sort switch
        {
            "due" => q.OrderBy(c => c.DueBy).ThenBy(c => c.Id),
            "oldest" => q.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id),
            _ => q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
        };
        var page = await q.Select(c => new CaseSummary(c.Id, c.TrackingCode, c.Type, c.Category, c.RiskLevel, c.Channel, c.Status,
                c.Department!.Code, c.Department.Name, c.Staff!.Name, c.Content.Substring(0, 80), c.ReceivedAt, c.AcknowledgeBy, c.DueBy, c.RepliedAt,
                c.OwnerName, c.RiskLevel == "high" && c.AlertAcknowledgedAt == null && c.Status != CaseStatuses.Merged,
                open.Contains(c.Status) && c.DueBy < now, open.Contains(c.Status) && c.DueBy >= now && c.DueBy <= soon))
            .ToPagedAsync(f.Page, f.PageSize, ct, f.Export ? PagedQuery.MaxExportRows : PagedQuery.MaxPageSize);
        // A search for a person is a read of patient data: audited, with how it searched but never the number or name typed.
        if (searchedBy is not null)
            await audit.RecordAsync(AuditActions.PatientListViewed, "feedback-case", null, new { search = searchedBy, matches = page.Total }, ct);
        return page;
    }
}
