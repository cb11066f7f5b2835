using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Exports;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// The filtered queue as a download (at most 100,000 rows), scoped like the queue. The list carries no complainant
/// identity, so neither does the file. Every export is audited with its filters.
/// </summary>
public sealed class ExportCases(ListCases list, HospitalClock clock, AuditLog audit)
{
    public static readonly string[] Headers =
        ["id", "tracking_code", "type", "category", "risk_level", "channel", "status", "department_code", "department", "staff", "content_excerpt",
         "received_at", "acknowledge_by", "due_by", "replied_at", "owner", "alert_open", "overdue", "due_soon"];

    public async Task<ExportTable> RunAsync(CaseFilter filter, CaseViewer viewer, CancellationToken ct = default)
    {
        var page = await list.RunAsync(filter with { Page = 1, PageSize = Paging.PagedQuery.MaxExportRows, Export = true }, viewer, ct);
        await audit.RecordAsync(AuditActions.Created, "feedback-export", null,
            new { rows = page.Items.Count, filter.View, filter.Status, filter.Type, filter.Category, filter.RiskLevel, filter.Channel, filter.DepartmentCode,
                Q = Core.Privacy.ChineseMobile.Normalize(filter.Q) is { } m ? Core.Privacy.ChineseMobile.Mask(m) : filter.Q, filter.From, filter.To }, ct);
        DateTime? Local(DateTime? utc) => utc is { } t ? clock.ToLocal(t).DateTime : null;
        return new ExportTable("feedback-cases", Headers, page.Items.Select(c => (IReadOnlyList<object?>)
        [
            c.Id, c.TrackingCode, c.Type, c.Category, c.RiskLevel, c.Channel, c.Status, c.DepartmentCode, c.DepartmentName, c.StaffName, c.Excerpt,
            Local(c.ReceivedAt), Local(c.AcknowledgeBy), Local(c.DueBy), Local(c.RepliedAt), c.OwnerName, c.AlertOpen, c.Overdue, c.DueSoon,
        ]).ToList());
    }
}
