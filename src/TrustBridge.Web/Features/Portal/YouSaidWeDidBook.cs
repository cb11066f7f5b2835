using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Portal;

public sealed record YouSaidWeDidInput(string? Quarter, string? DepartmentCode, string? Theme, string? Said, string? Did, string? Status,
    DateOnly? DoneOn, string? SourceKind, int? SourceId, bool Published);

/// <summary>The public shape: no source, nothing about who raised it.</summary>
public sealed record YouSaidWeDidEntry(int Id, string Quarter, string? DepartmentCode, string? DepartmentName, string Theme, string Said,
    string Did, string Status, DateOnly? DoneOn);

/// <summary>您说·我们做: the office's de-identified pairs, published by quarter and department (PORTAL.md).</summary>
public sealed partial class YouSaidWeDidBook(TrustDbContext db, HospitalClock clock, AuditLog audit, PublicCache cache)
{
    public static readonly string[] SourceKinds = ["case", "symposium-item", "improvement-plan"];

    [GeneratedRegex(@"^(20\d\d)Q([1-4])$")]
    public static partial Regex QuarterPattern();

    public static string QuarterOf(DateOnly d) => $"{d.Year}Q{(d.Month - 1) / 3 + 1}";

    public async Task<List<YouSaidWeDidEntry>> PublishedAsync(string? quarter, CancellationToken ct = default)
    {
        var q = db.YouSaidWeDid.AsNoTracking().Where(x => x.Published);
        if (quarter is not null) q = q.Where(x => x.Quarter == quarter);
        var rows = await q.Select(x => new YouSaidWeDidEntry(x.Id, x.Quarter, x.Department!.Code, x.Department.Name, x.Theme, x.Said, x.Did, x.Status, x.DoneOn))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Quarter, StringComparer.Ordinal).ThenBy(r => r.DepartmentCode ?? "", StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
    }

    public async Task<List<string>> QuartersAsync(CancellationToken ct = default) =>
        (await db.YouSaidWeDid.AsNoTracking().Where(x => x.Published).Select(x => x.Quarter).Distinct().ToListAsync(ct))
        .OrderDescending(StringComparer.Ordinal).ToList();

    public Task<List<YouSaidWeDid>> AllForStaffAsync(CancellationToken ct = default) =>
        db.YouSaidWeDid.AsNoTracking().Include(x => x.Department).OrderByDescending(x => x.Quarter).ThenBy(x => x.Id).ToListAsync(ct);

    public async Task<PortalOutcome> SaveAsync(int? id, YouSaidWeDidInput input, string user, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Quarter is null || !QuarterPattern().IsMatch(input.Quarter)) errors["quarter"] = ["quarter must look like 2026Q3."];
        if (input.Theme is null || !FeedbackCategories.All.Contains(input.Theme)) errors["theme"] = [$"theme must be a feedback category: {string.Join(", ", FeedbackCategories.All)}."];
        if (string.IsNullOrWhiteSpace(input.Said) || input.Said.Length > 1000) errors["said"] = ["said is required (at most 1,000 characters)."];
        if (string.IsNullOrWhiteSpace(input.Did) || input.Did.Length > 2000) errors["did"] = ["did is required (at most 2,000 characters)."];
        foreach (var (f, t) in new[] { ("said", input.Said), ("did", input.Did) })
            if (SafeMarkdown.Problem(t) is { } p) errors[f] = [$"{f} {p}"];
        var status = input.Status ?? ActionStatuses.Planned;
        if (!ActionStatuses.All.Contains(status)) errors["status"] = ["status must be planned, in-progress or done."];
        if (status == ActionStatuses.Done && input.DoneOn is null) errors["doneOn"] = ["doneOn is required when the status is done."];
        if (input.SourceKind is not null && !SourceKinds.Contains(input.SourceKind)) errors["sourceKind"] = [$"sourceKind must be one of {string.Join(", ", SourceKinds)}."];
        int? departmentId = null;
        if (!string.IsNullOrWhiteSpace(input.DepartmentCode))
        {
            departmentId = await db.Departments.Where(d => d.Code == input.DepartmentCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (departmentId is null) errors["departmentCode"] = ["No department has this code."];
        }
        if (errors.Count > 0) return new PortalOutcome(Errors: errors);
        var now = clock.UtcNow;
        var entry = id is { } existing ? await db.YouSaidWeDid.FirstOrDefaultAsync(x => x.Id == existing, ct) : null;
        if (id is not null && entry is null) return new PortalOutcome(NotFound: true);
        if (entry is null)
        {
            entry = new YouSaidWeDid { Quarter = "", Theme = "", Said = "", Did = "", WrittenBy = user, CreatedAt = now };
            db.YouSaidWeDid.Add(entry);
        }
        entry.Quarter = input.Quarter!;
        entry.DepartmentId = departmentId;
        entry.Theme = input.Theme!;
        entry.Said = input.Said!.Trim();
        entry.Did = input.Did!.Trim();
        entry.Status = status;
        entry.DoneOn = input.DoneOn;
        entry.SourceKind = input.SourceKind;
        entry.SourceId = input.SourceKind is null ? null : input.SourceId;
        entry.Published = input.Published;
        entry.WrittenBy = user;
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.you-said-we-did-saved", "you_said_we_did", entry.Id.ToString(), new { entry.Quarter, entry.Published }, ct);
        await cache.EvictAsync(ct);
        return new PortalOutcome(entry.Id);
    }
}
