using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Feedback.Symposia;

/// <summary>One symposium: participants (masked mobiles), minutes, the cases raised, and the report back and its messages.</summary>
public sealed class GetSymposium(TrustDbContext db)
{
    public async Task<SymposiumDetail?> RunAsync(int id, CancellationToken ct = default)
    {
        var s = await db.Symposia.AsNoTracking().Include(x => x.Department).Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var staffIds = s.Participants.Where(p => p.StaffId != null).Select(p => p.StaffId!.Value).Distinct().ToList();
        var staffCodes = staffIds.Count == 0 ? [] : await db.Staff.AsNoTracking().Where(x => staffIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code, ct);
        var participants = s.Participants.OrderBy(p => p.Id)
            .Select(p => new ParticipantView(p.Id, p.Name, p.Role, p.StaffId is { } sid ? staffCodes.GetValueOrDefault(sid) : null, p.MobileMasked)).ToList();
        var items = await ItemsAsync(id, ct);
        var correlation = ReportBack.Correlation(id);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Correlation == correlation && m.Kind == ReportBack.Kind)
            .OrderBy(m => m.Id).Select(m => new ReportMessageView(m.Id, m.RecipientMasked, m.Status, m.CreatedAt, m.SentAt)).ToListAsync(ct);
        return new SymposiumDetail(s.Id, s.HeldOn, s.Title, s.Location, s.Department?.Code, s.Department?.Name, s.Minutes, s.ReportBack, s.ReportedAt,
            s.CreatedBy, s.CreatedAt, s.UpdatedAt, participants, items, messages, Compose(s.HeldOn, s.Title, items));
    }

    public async Task<IReadOnlyList<SymposiumItemView>> ItemsAsync(int id, CancellationToken ct = default)
    {
        var rows = await db.FeedbackCases.AsNoTracking().Where(c => c.SymposiumId == id).OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.TrackingCode, c.Type, c.Category, c.RiskLevel, c.Status, c.Content, c.Reply, c.ReceivedAt, c.DueBy, c.RepliedAt, c.ClosedAt,
                Departments = c.Departments.Select(d => d.Department!.Name).ToList(),
            }).ToListAsync(ct);
        return [.. rows.Select(c => new SymposiumItemView(c.Id, c.TrackingCode, c.Type, c.Category, c.RiskLevel, c.Status, c.Content, c.Reply,
            c.ReceivedAt, c.DueBy, c.RepliedAt, c.ClosedAt, c.Departments))];
    }

    /// <summary>The report pre-filled from the items' statuses and replies; the office edits it before sending.</summary>
    public static string Compose(DateOnly heldOn, string title, IReadOnlyList<SymposiumItemView> items)
    {
        var b = new StringBuilder();
        b.Append("感谢您参加").Append(heldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("「").Append(title).Append("」座谈会。");
        if (items.Count == 0) return b.Append("会上未提出需要办理的意见。").ToString();
        b.Append("会上提出的").Append(items.Count).Append("条意见办理情况如下：");
        var n = 0;
        foreach (var item in items)
        {
            b.AppendLine().Append(++n).Append(". ").Append(Excerpt(item.Content)).Append("——").Append(StatusText(item.Status));
            if (!string.IsNullOrWhiteSpace(item.Reply)) b.Append("。答复：").Append(item.Reply.Trim());
            else b.Append('。');
        }
        return b.ToString();
    }

    private static string Excerpt(string content)
    {
        var one = content.ReplaceLineEndings(" ").Trim();
        return one.Length <= 40 ? one : one[..40] + "…";
    }

    public static string StatusText(string status) => status switch
    {
        CaseStatuses.New => "已登记，待受理",
        CaseStatuses.Acknowledged => "已受理",
        CaseStatuses.InProgress => "正在办理",
        CaseStatuses.Replied => "已答复",
        CaseStatuses.Closed => "已办结",
        CaseStatuses.Reopened => "重新办理中",
        CaseStatuses.Escalated => "已转纠纷处理",
        CaseStatuses.Merged => "已与相同意见合并办理",
        _ => status,
    };
}
