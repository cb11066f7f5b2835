using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

public enum LinkState { Open, Unknown, Answered, Expired, OptedOut }

/// <summary>What a patient's link leads to: the instrument, and the department and visit date it asks about (never the doctor).</summary>
public sealed record SurveyLink(LinkState State, long InvitationId, Instrument? Instrument, string? DepartmentName, DateOnly EncounterDate)
{
    public static readonly SurveyLink Unknown = new(LinkState.Unknown, 0, null, null, default);
}

/// <summary>Reads an invitation token as the survey page needs it, with the same rules as <see cref="SubmitSurveyResponse"/>.</summary>
public sealed class OpenSurveyLink(TrustDbContext db, TimeProvider time)
{
    public async Task<SurveyLink> RunAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64) return SurveyLink.Unknown;
        var invitation = await db.SurveyInvitations.AsNoTracking().Include(i => i.Wave).FirstOrDefaultAsync(i => i.Token == token, ct);
        if (invitation is null) return SurveyLink.Unknown;
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == invitation.DepartmentId).Select(d => d.Name).FirstAsync(ct);
        var optedOut = await db.Patients.AsNoTracking().Where(p => p.Id == invitation.PatientId).Select(p => p.SurveyOptOut).FirstAsync(ct);
        var state = invitation.Status switch
        {
            InvitationStatuses.Answered => LinkState.Answered,
            InvitationStatuses.OptedOut => LinkState.OptedOut,
            _ when optedOut => LinkState.OptedOut,
            InvitationStatuses.Expired => LinkState.Expired,
            _ when invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime => LinkState.Expired,
            _ => LinkState.Open,
        };
        var instrument = state == LinkState.Open
            ? await db.Instruments.AsNoTracking().Include(i => i.Items).FirstAsync(i => i.Id == invitation.Wave!.InstrumentId, ct)
            : null;
        return new SurveyLink(state, invitation.Id, instrument, department, invitation.EncounterDate);
    }
}
