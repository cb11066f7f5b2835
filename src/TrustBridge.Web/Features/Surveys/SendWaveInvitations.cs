using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// Queues one SMS per pending invitation of a wave (and, later, one reminder per unanswered invitation). The messages
/// go out through the outbox; an invitation becomes "sent" when the gateway accepts it.
/// </summary>
public sealed class SendWaveInvitations(TrustDbContext db, Outbox outbox, PatientIdentifierProtector protector,
    IOptions<SurveyOptions> options, TimeProvider time, AuditLog audit)
{
    public const string InvitationKind = "survey-invitation";
    public const string ReminderKind = "survey-reminder";

    public async Task<int> SendAsync(int waveId, CancellationToken ct = default)
    {
        var already = db.OutboxMessages.Where(m => m.Kind == InvitationKind).Select(m => m.Correlation);
        var pending = await db.SurveyInvitations
            .Where(i => i.WaveId == waveId && i.Status == InvitationStatuses.Pending && !already.Contains("invitation:" + i.Id))
            .Join(db.Patients, i => i.PatientId, p => p.Id, (i, p) => new { i.Id, i.Token, p.MobileEncrypted, p.MobileMasked, p.SurveyOptOut })
            .ToListAsync(ct);
        var o = options.Value;
        var queued = 0;
        foreach (var x in pending.Where(x => x.MobileEncrypted is not null && !x.SurveyOptOut))
        {
            var link = o.LinkFor(x.Token);
            outbox.Add(InvitationKind, "sms", protector.Reveal(x.MobileEncrypted), x.MobileMasked ?? "",
                $"【{o.HospitalShortName}】感谢您近期就诊。请花3分钟评价我们的服务，帮助我们做得更好：{link} 回复TD或点链接内“不再接收”可退订。",
                JsonSerializer.Serialize(new { link, optOut = link + "/optout" }), "invitation:" + x.Id);
            queued++;
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "survey-wave", waveId.ToString(System.Globalization.CultureInfo.InvariantCulture), new { invitationsQueued = queued }, ct);
        return queued;
    }

    /// <summary>One reminder for invitations delivered at least ReminderAfterDays ago and still unanswered.</summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = now.AddDays(-options.Value.ReminderAfterDays);
        var rows = await db.SurveyInvitations
            .Where(i => i.Status == InvitationStatuses.Sent && i.SentAt <= due && i.RemindedAt == null && i.ExpiresAt > now)
            .Join(db.Patients, i => i.PatientId, p => p.Id, (i, p) => new { Invitation = i, p.MobileEncrypted, p.MobileMasked, p.SurveyOptOut })
            .Take(5000).ToListAsync(ct);
        var o = options.Value;
        foreach (var x in rows)
        {
            x.Invitation.RemindedAt = now;
            if (x.MobileEncrypted is null || x.SurveyOptOut) continue;
            var link = o.LinkFor(x.Invitation.Token);
            outbox.Add(ReminderKind, "sms", protector.Reveal(x.MobileEncrypted), x.MobileMasked ?? "",
                $"【{o.HospitalShortName}】温馨提醒：您的就诊评价还未完成，期待您的意见：{link}",
                JsonSerializer.Serialize(new { link }), "reminder:" + x.Invitation.Id);
        }
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}

/// <summary>Marks an invitation "sent" once the gateway has accepted its message.</summary>
public sealed class InvitationDelivered(TrustDbContext db, TimeProvider time) : IDeliveryEffect
{
    public async Task DeliveredAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (message.Kind != SendWaveInvitations.InvitationKind || message.Correlation?.StartsWith("invitation:", StringComparison.Ordinal) != true) return;
        if (!long.TryParse(message.Correlation.AsSpan("invitation:".Length), out var id)) return;
        var now = time.GetUtcNow().UtcDateTime;
        await db.SurveyInvitations.Where(i => i.Id == id && i.Status == InvitationStatuses.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatuses.Sent).SetProperty(i => i.SentAt, now), ct);
    }
}
