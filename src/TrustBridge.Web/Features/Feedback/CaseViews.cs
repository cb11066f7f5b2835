namespace TrustBridge.Web.Features.Feedback;

/// <summary>A row of the office queue.</summary>
public sealed record CaseSummary(int Id, string TrackingCode, string Type, string Category, string RiskLevel, string Channel, string Status,
    string? DepartmentCode, string? DepartmentName, string? StaffName, string Excerpt, DateTime ReceivedAt, DateTime AcknowledgeBy, DateTime DueBy,
    DateTime? RepliedAt, string? OwnerName, bool AlertOpen, bool Overdue, bool DueSoon);

public sealed record CaseDepartmentView(string Code, string Name);
public sealed record CaseEventView(long Id, DateTime At, string Kind, string? ActorName, string? FromStatus, string? ToStatus, string? Text, bool VisibleToPatient);
public sealed record AttachmentView(int Id, string FileName, string ContentType, int Size);
public sealed record TriageCueView(string Text, string Signal);

/// <summary>A staff notification a case caused (high-risk alert, medium-risk flag, reminder, breach, unacknowledged alert): to whom, when queued and sent.</summary>
public sealed record CaseAlertView(string Kind, string Recipient, string Channel, string Status, DateTime QueuedAt, DateTime? SentAt);

/// <summary>
/// One case as staff see it. The complainant's name and masked mobile are null for a viewer who may not see them
/// (a clinician named in the case).
/// </summary>
public sealed record CaseDetail(int Id, string TrackingCode, string Type, string Category, string RiskLevel, string Channel, string Status, string Content,
    string SuggestedType, string SuggestedCategory, string SuggestedRiskLevel, IReadOnlyList<TriageCueView> Cues,
    bool Anonymous, string? ComplainantName, string? MobileMasked, int? PatientId, string? PatientMrn, long? EncounterId,
    int? StaffId, string? StaffCode, string? StaffName, IReadOnlyList<CaseDepartmentView> Departments, string? HandlingDepartmentCode,
    string? OwnerUserId, string? OwnerName, DateTime ReceivedAt, DateTime AcknowledgeBy, DateTime DueBy, DateTime RemindAt,
    DateTime? AcknowledgedAt, DateTime? RepliedAt, DateTime? ClosedAt, bool ResolvedOnTheSpot, bool AlertOpen, DateTime? AlertAcknowledgedAt, string? AlertAcknowledgedBy,
    string? ReplyDraft, string? ReplyDraftBy, string? Reply, int? PatientRating, string? PatientRatingComment, int? MergedIntoId, int? SymposiumId, long? SurveyResponseId,
    IReadOnlyList<CaseEventView> History, IReadOnlyList<AttachmentView> Attachments, bool MayChange, bool MayReview,
    IReadOnlyList<CaseAlertView> Notified,
    SecondLookView? SecondLook = null, bool ThreatReported = false)
{
    /// <summary>The dispute the case was escalated to (转纠纷), if any.</summary>
    public CaseDisputeLink? Dispute { get; init; }
}

/// <summary>可能高危: when the second look is due, and how it was cleared (confirmed or dismissed, by whom, why).</summary>
public sealed record SecondLookView(DateTime DueBy, bool Open, bool Overdue, DateTime? ClearedAt, string? ClearedBy, string? Outcome, string? Reason);

public sealed record TrackingStep(DateTime At, string Kind, string? Status);

/// <summary>
/// What the patient sees with the tracking code: status, dates, departments and the reply. Never notes, staff or who
/// complained. Contactable: the patient left a mobile number, so the office can call (an anonymous patient cannot be called).
/// </summary>
public sealed record TrackingView(string TrackingCode, string Type, string Status, IReadOnlyList<string> Departments, DateTime ReceivedAt,
    DateTime AcknowledgeBy, DateTime DueBy, DateTime? AcknowledgedAt, DateTime? RepliedAt, DateTime? ClosedAt, string? Reply,
    int? Rating, bool MayRate, IReadOnlyList<TrackingStep> Steps, bool Contactable);
