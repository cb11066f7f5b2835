using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Exports;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>What people corrected in triage, as labelled data (text, the suggestion, the decision); audited.</summary>
public sealed class ExportTriageOverrides(TrustDbContext db, HospitalClock clock, AuditLog audit)
{
    public static readonly string[] Headers =
        ["text", "suggested_type", "suggested_category", "suggested_risk_level", "type", "category", "risk_level", "at"];

    public async Task<ExportTable> RunAsync(CancellationToken ct = default)
    {
        var rows = await db.TriageOverrides.AsNoTracking().OrderBy(o => o.Id).Take(Paging.PagedQuery.MaxExportRows)
            .Select(o => new { o.Text, o.SuggestedType, o.SuggestedCategory, o.SuggestedRiskLevel, o.Type, o.Category, o.RiskLevel, o.At }).ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Created, "triage-overrides-export", null, new { rows = rows.Count }, ct);
        return new ExportTable("triage-overrides", Headers, rows.Select(o => (IReadOnlyList<object?>)
            [o.Text, o.SuggestedType, o.SuggestedCategory, o.SuggestedRiskLevel, o.Type, o.Category, o.RiskLevel, clock.ToLocal(o.At).DateTime]).ToList());
    }
}
