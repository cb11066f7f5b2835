using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Feedback.Symposia;

/// <summary>
/// Reports back to the participants what was done about the items: saves the report and queues one SMS to each
/// participant with a mobile, in one unit of work with its audit entry. A symposium is reported back once.
/// </summary>
public sealed class ReportBack(TrustDbContext db, GetSymposium get, HospitalClock clock, PatientIdentifierProtector protector, Outbox outbox,
    AuditLog audit, DatabaseOptions database)
{
    public const string Kind = "symposium-report";
    public const int MaxText = 2_000;

    public static string Correlation(int symposiumId) => $"symposium:{symposiumId.ToString(CultureInfo.InvariantCulture)}";

    public async Task<SymposiumResult<int>> RunAsync(int symposiumId, SymposiumReportInput input, CancellationToken ct = default)
    {
        var s = await db.Symposia.Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == symposiumId, ct);
        if (s is null) return SymposiumResult<int>.NotFound();
        if (s.ReportedAt is { } at) return SymposiumResult<int>.Conflict($"This symposium was reported back on {clock.ToLocal(at):yyyy-MM-dd HH:mm}.");
        if (s.HeldOn > clock.Today) return SymposiumResult<int>.Conflict("The symposium has not been held yet.");
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text)) text = GetSymposium.Compose(s.HeldOn, s.Title, await get.ItemsAsync(s.Id, ct));
        if (text.Length > MaxText) return SymposiumResult<int>.Invalid("text", $"The report is longer than {MaxText:N0} characters.");

        var now = clock.UtcNow;
        s.ReportBack = text;
        s.ReportedAt = now;
        s.UpdatedAt = now;
        var body = $"【医患信桥】{text}";
        var sent = 0;
        foreach (var p in s.Participants.Where(p => p.MobileEncrypted != null).OrderBy(p => p.Id))
        {
            var mobile = protector.Reveal(p.MobileEncrypted);
            if (string.IsNullOrEmpty(mobile)) continue;
            outbox.Add(Kind, "sms", mobile, p.MobileMasked ?? "***", body,
                JsonSerializer.Serialize(new { symposiumId = s.Id, participantId = p.Id }), Correlation(s.Id));
            sent++;
        }
        await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(SymposiumAudit.Reported, SymposiumAudit.Entity, s.Id.ToString(CultureInfo.InvariantCulture), new { messages = sent, length = text.Length }, ct);
        await tx.CommitAsync(ct);
        return SymposiumResult<int>.Ok(sent);
    }
}
