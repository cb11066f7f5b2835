namespace TrustBridge.Web.Features.Disputes;

public sealed record DisputeCreated(int Id, string Reference, string Status, DateOnly ArisenOn, bool Major);
public sealed record CompensationTotals(decimal Claimed, decimal Agreed, decimal Paid, decimal Outstanding);
public sealed record NamedRef(string Code, string Name);
public sealed record RouteView(int Id, string Route, DateOnly? AppliedOn, DateOnly? AcceptedOn, string? Body, string? CaseNumber, int? HospitalRepresentatives,
    int? FamilyRepresentatives, int ExtensionWorkingDays, bool Active, DateOnly? EndedOn, string? Result, string? Notes, DateTimeOffset? DueBy, int PausedWorkingDays);
public sealed record AppraisalView(int Id, string Body, DateOnly CommissionedOn, DateOnly? OpinionOn, decimal Fee, string? FeePrepaidBy, bool? Harm, string? HarmDegree,
    bool? Fault, string? Causation, string? Liability, string? LiabilityChinese, decimal? LiabilityPercent, bool TypicalShare, bool Reappraisal, DateOnly? ReappraisalBy);
public sealed record LineView(int Id, string Item, string ItemChinese, decimal Claimed, decimal Agreed, string? Note);
public sealed record PaymentView(int Id, string Payer, decimal Amount, DateOnly PaidOn, string? Voucher);
public sealed record SealView(int Id, string Kind, string? Form, string? Stage, string Contents, DateTime SealedAt, string HospitalSigner, string FamilySigner,
    DateTime? HospitalConfirmedAt, DateTime? FamilyConfirmedAt, DateTime? UnsealedAt, string? UnsealReason, string? UnsealedBy, DateOnly UnsealAllowedOn);
public sealed record DutyView(int Id, string Duty, DateOnly ToldOn, string ToldBy, string ToldWhom);
public sealed record AccountabilityView(int Id, string StaffCode, string StaffName, string Decision, decimal? Amount, string Reason, DateOnly DecidedOn, string DecidedBy);
public sealed record DisputeEventView(DateTime At, string Kind, string? ActorName, string? Text);

/// <summary>The whole dispute, for those who may see its content. negotiationNotes is null for department heads.</summary>
public sealed record DisputeDetail(int Id, string Reference, string Status, DateOnly ArisenOn, DateOnly KnewOn, bool Major, string Severity, bool PatientDied,
    string? PatientMrn, string? PatientName, string Claim, decimal ClaimedAmount, string? ReportedBy,
    string? Route, DateTimeOffset? RouteDueBy, DateTimeOffset? AutopsyDueBy, DateTime? DiedAt, bool BodyFrozen, string? AutopsyDecision, DateTime? AutopsyDecidedAt,
    CompensationTotals Compensation, DateOnly LimitationOn, DateTime? AuthorityReportedAt, string? AuthorityReportedTo, DateTimeOffset? AuthorityReportBy,
    IReadOnlyList<NamedRef> Departments, IReadOnlyList<NamedRef> Staff, IReadOnlyList<long> EncounterIds,
    IReadOnlyList<RouteView> Routes, IReadOnlyList<AppraisalView> Appraisals, IReadOnlyList<LineView> Lines, IReadOnlyList<PaymentView> Payments,
    IReadOnlyList<SealView> Seals, IReadOnlyList<DutyView> Duties, IReadOnlyList<AccountabilityView> Accountability,
    int? FeedbackCaseId, string? Outcome, DateOnly? ClosedOn, IReadOnlyList<string> RootCauses, string? Lessons, int? ImprovementPlanId,
    string? NegotiationNotes, IReadOnlyList<DisputeEventView> History, bool Overdue, bool MayChange)
{
    /// <summary>"full" for those who see the content.</summary>
    public string View => "full";
}

/// <summary>What a clinician named in a dispute sees: that it exists and its status.</summary>
public sealed record DisputeGlimpse(int Id, string Reference, string Status)
{
    public string View => "named";
}

public sealed record DisputeRow(int Id, string Reference, string Status, DateOnly? ArisenOn, bool? Major, string? Severity, IReadOnlyList<string>? Departments,
    string? Route, DateTimeOffset? RouteDueBy, DateTimeOffset? AutopsyDueBy, decimal? Claimed, decimal? Agreed, decimal? Paid, bool Overdue, bool DueSoon,
    string? Outcome, DateOnly? ClosedOn);
