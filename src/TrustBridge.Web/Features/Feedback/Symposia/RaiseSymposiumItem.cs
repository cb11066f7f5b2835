using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Feedback.Symposia;

/// <summary>
/// An item raised at a symposium becomes a feedback case through <see cref="ReceiveFeedback"/>: channel symposium,
/// received on the symposium's day (09:00 hospital time unless given), so its deadlines count from that day.
/// </summary>
public sealed class RaiseSymposiumItem(TrustDbContext db, ReceiveFeedback receive, HospitalClock clock, PatientIdentifierProtector protector)
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public async Task<SymposiumResult<CaseCreated>> RunAsync(int symposiumId, SymposiumItemInput input, Submitter who, CancellationToken ct = default)
    {
        var s = await db.Symposia.AsNoTracking().Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == symposiumId, ct);
        if (s is null) return SymposiumResult<CaseCreated>.NotFound();
        if (s.HeldOn > clock.Today) return SymposiumResult<CaseCreated>.Conflict($"The symposium is on {s.HeldOn:yyyy-MM-dd}; items are raised once it has been held.");
        string? name = null, mobile = null;
        if (input.ParticipantId is { } pid)
        {
            var p = s.Participants.FirstOrDefault(x => x.Id == pid);
            if (p is null) return SymposiumResult<CaseCreated>.Invalid("participantId", $"Unknown participant {pid}.");
            if (p.Role != ParticipantRoles.Staff) (name, mobile) = (p.Name, protector.Reveal(p.MobileEncrypted));
        }
        var received = input.ReceivedAt ?? clock.LocalToUtc(s.HeldOn.ToDateTime(DefaultTime));
        if (input.ReceivedAt is null && received > clock.UtcNow) received = clock.UtcNow; // held today, before nine
        var feedback = new FeedbackInput(Type: Blank(input.Type), Content: input.Content, Channel: FeedbackChannels.Symposium, ReceivedAt: received,
            DepartmentCodes: input.DepartmentCodes, Name: name, Mobile: mobile, StaffCode: Blank(input.StaffCode),
            Category: Blank(input.Category), RiskLevel: Blank(input.RiskLevel), SymposiumId: s.Id);
        var (created, errors) = await receive.RunAsync(feedback, who, null, ct);
        return created is null ? SymposiumResult<CaseCreated>.Invalid(errors) : SymposiumResult<CaseCreated>.Ok(created);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
