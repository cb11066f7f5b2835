using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>Writes the entries of a case's history in the caller's unit of work.</summary>
public sealed class CaseHistory(TrustDbContext db, DateTime now)
{
    public FeedbackCaseEvent Add(FeedbackCase c, string kind, Submitter who, string? from, string? to, string? text, bool visible = false) =>
        db.FeedbackCaseEvents.Add(new FeedbackCaseEvent
        {
            CaseId = c.Id, At = now, Kind = kind, ActorUserId = who.UserId, ActorName = who.Name ?? (who.IsStaff ? null : "patient"),
            FromStatus = from, ToStatus = to, Text = text, VisibleToPatient = visible,
        }).Entity;
}
