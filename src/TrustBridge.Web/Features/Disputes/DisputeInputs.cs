namespace TrustBridge.Web.Features.Disputes;

public sealed record DisputeInput(string? PatientMrn = null, string? PatientName = null, long[]? EncounterIds = null, string[]? DepartmentCodes = null,
    string[]? StaffCodes = null, string? Claim = null, decimal? ClaimedAmount = null, DateOnly? ArisenOn = null, DateOnly? KnewOn = null,
    bool? PatientDied = null, DateTime? DiedAt = null, bool? BodyFrozen = null, string? Severity = null, string? ReportedBy = null, bool? Major = null,
    string? NegotiationNotes = null);

public sealed record RouteInput(string? Route, DateOnly? AppliedOn = null, DateOnly? AcceptedOn = null, string? Body = null, string? CaseNumber = null,
    int? HospitalRepresentatives = null, int? FamilyRepresentatives = null, string? Notes = null);

public sealed record RouteEndInput(DateOnly? EndedOn = null, string? Result = null, string? Notes = null, int? ExtensionWorkingDays = null);

public sealed record AppraisalInput(string? Body, DateOnly? CommissionedOn, DateOnly? OpinionOn = null, decimal? Fee = null, string? FeePrepaidBy = null,
    bool? Harm = null, string? HarmDegree = null, bool? Fault = null, string? Causation = null, string? Liability = null, decimal? LiabilityPercent = null,
    bool? Reappraisal = null);

public sealed record CompensationLineInput(string? Item, decimal? Claimed, decimal? Agreed, string? Note = null);
public sealed record CompensationInput(CompensationLineInput[]? Lines);

public sealed record PaymentInput(string? Payer, decimal? Amount, DateOnly? PaidOn, string? Voucher = null);

public sealed record SealInput(string? Kind, string? Contents, string? Form = null, string? Stage = null, DateTime? SealedAt = null,
    string? HospitalSigner = null, string? FamilySigner = null, DateTime? HospitalConfirmedAt = null, DateTime? FamilyConfirmedAt = null);

public sealed record UnsealInput(string? Reason);

public sealed record DutyInput(string? Duty, DateOnly? ToldOn, string? ToldBy, string? ToldWhom);

public sealed record AutopsyInput(string? Decision, DateTime? DecidedAt = null, DateTime? DiedAt = null, bool? BodyFrozen = null);

public sealed record MajorReportInput(DateTime? ReportedAt, string? ReportedTo);

public sealed record AccountabilityInput(string? StaffCode, string? Decision, decimal? Amount, string? Reason, DateOnly? DecidedOn = null, string? DecidedBy = null);

public sealed record CloseInput(string? Outcome, DateOnly? ClosedOn = null, string[]? RootCauses = null, string? Lessons = null,
    bool? OpenImprovementPlan = null, string? PlanDepartmentCode = null);

public sealed record NoteInput(string? Text);
