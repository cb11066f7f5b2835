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

/// <summary>The 201 answer of POST /api/feedback.</summary>
public sealed record CaseCreated(int Id, string TrackingCode, string Type, string Category, string RiskLevel, string Status,
    DateTime ReceivedAt, DateTime AcknowledgeBy, DateTime DueBy);
