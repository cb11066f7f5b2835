namespace TrustBridge.Web.Domain;

/// <summary>Where a case came from (FEEDBACK.md).</summary>
public static class FeedbackChannels
{
    public const string Web = "web";
    public const string Qr = "qr";
    public const string Phone = "phone";
    public const string Letter = "letter";
    public const string Visit = "visit";
    public const string Mailbox = "mailbox";
    public const string Symposium = "symposium";
    public const string Survey = "survey";
    public const string FollowUp = "followup";
    public const string Api = "api";
    public static readonly string[] All = [Web, Qr, Phone, Letter, Visit, Mailbox, Symposium, Survey, FollowUp, Api];
    /// <summary>Channels anyone may use; the others are entered by staff.</summary>
    public static readonly string[] Public = [Web, Qr, Api];
    /// <summary>Channels a member of staff types in with the time the case was received.</summary>
    public static readonly string[] StaffEntry = [Phone, Letter, Visit, Mailbox, Symposium, FollowUp];
}

/// <summary>The life of a case (FEEDBACK.md, "Life of a case").</summary>
public static class CaseStatuses
{
    public const string New = "new";
    public const string Acknowledged = "acknowledged";
    public const string InProgress = "in-progress";
    public const string Replied = "replied";
    public const string Closed = "closed";
    public const string Reopened = "reopened";
    public const string Escalated = "escalated";
    /// <summary>A duplicate folded into another case.</summary>
    public const string Merged = "merged";
    public static readonly string[] All = [New, Acknowledged, InProgress, Replied, Closed, Reopened, Escalated, Merged];
    /// <summary>States in which the office still owes the patient something.</summary>
    public static readonly string[] Open = [New, Acknowledged, InProgress, Reopened];
}

/// <summary>
/// 反馈工单: a complaint, suggestion, praise or consultation from a patient or family, from any channel. Deadlines are
/// stored in UTC and computed from the hospital's working-day calendar when the case is received.
/// </summary>
public class FeedbackCase
{
    public int Id { get; set; }
    /// <summary>Unguessable code the patient follows the case with.</summary>
    public required string TrackingCode { get; set; }
    public required string Type { get; set; }
    public required string Category { get; set; }
    public required string RiskLevel { get; set; }
    public required string Channel { get; set; }
    public string Status { get; set; } = CaseStatuses.New;
    public required string Content { get; set; }

    /// <summary>What triage suggested; the fields above are what a person decided (overrides are kept separately).</summary>
    public required string SuggestedType { get; set; }
    public required string SuggestedCategory { get; set; }
    public required string SuggestedRiskLevel { get; set; }
    /// <summary>The cues that decided the suggestion, as JSON.</summary>
    public string? TriageCues { get; set; }

    public bool Anonymous { get; set; }
    public string? ComplainantName { get; set; }
    public string? MobileEncrypted { get; set; }
    public string? MobileMasked { get; set; }
    /// <summary>Keyed hash of the mobile number: finds repeat complainants without decrypting.</summary>
    public string? MobileHash { get; set; }

    public int? PatientId { get; set; }
    public Patient? Patient { get; set; }
    public long? EncounterId { get; set; }
    public Encounter? Encounter { get; set; }
    /// <summary>The member of staff the case names (praised or complained about).</summary>
    public int? StaffId { get; set; }
    public Staff? Staff { get; set; }
    /// <summary>The department that handles the case now (the first of the involved departments, or after a transfer).</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public List<FeedbackCaseDepartment> Departments { get; set; } = [];

    /// <summary>首诉负责制: the login who received the case owns it until it is handed on.</summary>
    public string? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }

    public DateTime ReceivedAt { get; set; }
    public DateTime AcknowledgeBy { get; set; }
    public DateTime DueBy { get; set; }
    /// <summary>80% of the working time to <see cref="DueBy"/>: the owner is reminded then.</summary>
    public DateTime RemindAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public DateTime? RepliedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }
    public DateTime? BreachEscalatedAt { get; set; }
    /// <summary>当场协调处理: closed at once when it was received.</summary>
    public bool ResolvedOnTheSpot { get; set; }

    /// <summary>High risk: the alert is acknowledged by a person (the red banner disappears).</summary>
    public DateTime? AlertAcknowledgedAt { get; set; }
    public string? AlertAcknowledgedBy { get; set; }

    /// <summary>
    /// 可能高危 (issue 9): rated below high, but the text has a cue of the threat taxonomy, so the on-duty office must
    /// look again within 2 hours: confirm (the case becomes high and alerts) or dismiss with a reason.
    /// </summary>
    public DateTime? SecondLookDueBy { get; set; }
    public DateTime? SecondLookClearedAt { get; set; }
    public string? SecondLookClearedBy { get; set; }
    /// <summary>confirmed or dismissed.</summary>
    public string? SecondLookOutcome { get; set; }
    public string? SecondLookReason { get; set; }
    /// <summary>The overdue second look was escalated to the office lead (once).</summary>
    public DateTime? SecondLookEscalatedAt { get; set; }
    /// <summary>Staff who entered the case ticked 对方有威胁言行: high whatever triage said.</summary>
    public bool ThreatReported { get; set; }

    /// <summary>A reply written by the handler, waiting for review by the patient-relations office.</summary>
    public string? ReplyDraft { get; set; }
    public string? ReplyDraftBy { get; set; }
    /// <summary>The reply the patient sees (approved and sent).</summary>
    public string? Reply { get; set; }

    public int? PatientRating { get; set; }
    public string? PatientRatingComment { get; set; }

    public int? MergedIntoId { get; set; }
    public int? SymposiumId { get; set; }
    public long? SurveyResponseId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A department involved in a case (a complaint about two or more has the longer deadline).</summary>
public class FeedbackCaseDepartment
{
    public int CaseId { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
}

/// <summary>One entry of a case's history: every change, note, reminder and escalation.</summary>
public class FeedbackCaseEvent
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public DateTime At { get; set; }
    /// <summary>created, acknowledged, assigned, transferred, note, reply-drafted, reply-sent, status, rated, reopened, merged, escalated, reclassified, reminder, breach, alert-acknowledged.</summary>
    public required string Kind { get; set; }
    public string? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public string? Text { get; set; }
    /// <summary>Shown on the patient's tracking page (status changes and the reply), never notes or names.</summary>
    public bool VisibleToPatient { get; set; }
}

/// <summary>A photo or PDF sent with the case (≤ 5 MB), kept in the database so every node can serve it.</summary>
public class FeedbackAttachment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public int Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A person changed what triage suggested: the labelled data that improves triage.</summary>
public class TriageOverride
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public required string Text { get; set; }
    public required string SuggestedType { get; set; }
    public required string SuggestedCategory { get; set; }
    public required string SuggestedRiskLevel { get; set; }
    public required string Type { get; set; }
    public required string Category { get; set; }
    public required string RiskLevel { get; set; }
    public string? UserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>An administrator's entry in the working-day calendar; it wins over the shipped national calendar.</summary>
public class CalendarDayEntry
{
    public DateOnly Date { get; set; }
    /// <summary>holiday or workday.</summary>
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}
