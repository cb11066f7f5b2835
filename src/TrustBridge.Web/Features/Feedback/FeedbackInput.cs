using System.Text.Json.Serialization;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>A case as the public form, staff entry and POST /api/feedback give it. Everything is checked by <see cref="ReceiveFeedback"/>.</summary>
public sealed record FeedbackInput(
    string? Type = null,
    string? Content = null,
    string? Channel = null,
    DateTime? ReceivedAt = null,
    string[]? DepartmentCodes = null,
    bool? Anonymous = null,
    string? Name = null,
    string? Mobile = null,
    string? StaffCode = null,
    string? PatientMrn = null,
    long? EncounterId = null,
    string? Category = null,
    string? RiskLevel = null,
    bool? ResolvedOnTheSpot = null,
    string? Resolution = null,
    int? SymposiumId = null,
    bool? ThreatReported = null);

/// <summary>A file sent with a case.</summary>
public sealed record AttachmentInput(string FileName, string? ContentType, byte[] Content);

/// <summary>Who is submitting: staff may set the receipt time and the staff-only channels.</summary>
public sealed record Submitter(string? UserId, string? Name, bool IsStaff)
{
    public static readonly Submitter Public = new(null, null, false);
}

/// <summary>
/// The 201 answer of POST /api/feedback. Staff get the risk level and the real acknowledge-by; the public get neither
/// (<see cref="ForPatient"/>), so a high-risk flag is never shown to the person who made the threat.
/// </summary>
public sealed record CaseCreated(int Id, string TrackingCode, string Type, string Category,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RiskLevel, string Status,
    DateTime ReceivedAt, DateTime AcknowledgeBy, DateTime DueBy)
{
    /// <summary>The acknowledge-by of an ordinary case received at the same time, as the patient is told it.</summary>
    [JsonIgnore] public DateTime PatientAcknowledgeBy { get; init; } = AcknowledgeBy;

    public CaseCreated ForPatient() => this with { RiskLevel = null, AcknowledgeBy = PatientAcknowledgeBy };
}
