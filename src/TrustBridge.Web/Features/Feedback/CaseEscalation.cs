using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// What escalating a case (转纠纷) also does: the Disputes feature registers the dispute. <see cref="PrepareAsync"/> adds its
/// rows to the unit of work (or returns the error that stops the escalation); <see cref="SavedAsync"/> runs after the save, in
/// the same transaction, and returns the text for the case's history.
/// </summary>
public interface ICaseEscalation
{
    Task<CaseActionResult?> PrepareAsync(FeedbackCase c, CaseAction action, Submitter who, CancellationToken ct);
    Task<string?> SavedAsync(CancellationToken ct);
}

/// <summary>The dispute a case was escalated to, shown on the case.</summary>
public sealed record CaseDisputeLink(int Id, string Reference);
