namespace TrustBridge.Web.Domain;

public static class DisputeStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
    public static readonly string[] All = [Open, Closed];
}

/// <summary>Resolution routes (art. 22).</summary>
public static class DisputeRoutes
{
    public const string Negotiation = "negotiation";
    public const string PeopleMediation = "people-mediation";
    public const string AdministrativeMediation = "administrative-mediation";
    public const string Litigation = "litigation";
    public const string Other = "other";
    public static readonly string[] All = [Negotiation, PeopleMediation, AdministrativeMediation, Litigation, Other];
    public static readonly string[] Mediation = [PeopleMediation, AdministrativeMediation];
}

/// <summary>How a closed dispute ended.</summary>
public static class DisputeOutcomes
{
    public const string Settled = "settled";          // 协商/调解达成协议
    public const string Judgment = "judgment";        // 判决
    public const string Withdrawn = "withdrawn";      // 患方撤回/放弃
    public const string NoLiability = "no-liability"; // 鉴定无责，未赔付
    public const string Other = "other";
    public static readonly string[] All = [Settled, Judgment, Withdrawn, NoLiability, Other];
}

public static class DisputeSeverities
{
    public const string Minor = "minor";
    public const string Moderate = "moderate";
    public const string Severe = "severe";
    public const string Death = "death";
    public static readonly string[] All = [Minor, Moderate, Severe, Death];
}

public static class DisputePayers
{
    public const string Hospital = "hospital";
    public const string Insurer = "insurer";
    public const string Fund = "fund";
    public const string Other = "other";
    public static readonly string[] All = [Hospital, Insurer, Fund, Other];
}

public static class AccountabilityDecisions
{
    public const string None = "none";
    public const string Education = "education";        // 批评教育
    public const string Circulated = "circulated";      // 通报批评
    public const string PayDeduction = "pay-deduction"; // 绩效扣罚 (amount)
    public const string Suspension = "suspension";      // 暂停执业
    public const string Other = "other";
    public static readonly string[] All = [None, Education, Circulated, PayDeduction, Suspension, Other];
}

/// <summary>医疗纠纷: from first report to accountability (DISPUTES.md). Times in UTC, dates hospital-local.</summary>
public class Dispute
{
    public int Id { get; set; }
    /// <summary>Unguessable reference (JF-XXXXXXXX).</summary>
    public required string Reference { get; set; }
    public string Status { get; set; } = DisputeStatuses.Open;
    public int? PatientId { get; set; }
    public Patient? Patient { get; set; }
    /// <summary>Name of the patient as the family gives it when no MRN is known.</summary>
    public string? PatientName { get; set; }
    public required string Claim { get; set; }
    public decimal ClaimedAmount { get; set; }
    public DateOnly ArisenOn { get; set; }
    /// <summary>When the patient knew (or should have known) of the harm: the limitation runs from here (art. 188).</summary>
    public DateOnly KnewOn { get; set; }
    public required string Severity { get; set; }
    public bool PatientDied { get; set; }
    public DateTime? DiedAt { get; set; }
    public bool BodyFrozen { get; set; }
    /// <summary>consent | refusal (a family member who does not sign counts as refusing).</summary>
    public string? AutopsyDecision { get; set; }
    public DateTime? AutopsyDecidedAt { get; set; }
    public string? ReportedBy { get; set; }
    public bool Major { get; set; }
    public DateTime? AuthorityReportedAt { get; set; }
    public string? AuthorityReportedTo { get; set; }
    public int? FeedbackCaseId { get; set; }
    public FeedbackCase? FeedbackCase { get; set; }
    /// <summary>The office's negotiation notes (hidden from department heads).</summary>
    public string? NegotiationNotes { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Comma-separated root causes (the 8 feedback categories and clinical ones).</summary>
    public string? RootCauses { get; set; }
    public string? Lessons { get; set; }
    public int? ImprovementPlanId { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<DisputeDepartment> Departments { get; set; } = [];
    public List<DisputeStaff> Staff { get; set; } = [];
    public List<DisputeEncounter> Encounters { get; set; } = [];
    public List<DisputeRoute> Routes { get; set; } = [];
    public List<DisputeAppraisal> Appraisals { get; set; } = [];
    public List<DisputeCompensationLine> CompensationLines { get; set; } = [];
    public List<DisputePayment> Payments { get; set; } = [];
    public List<DisputeSeal> Seals { get; set; } = [];
    public List<DisputeDuty> Duties { get; set; } = [];
    public List<DisputeAccountability> Accountability { get; set; } = [];
    public List<DisputeEvent> Events { get; set; } = [];
}

public class DisputeDepartment
{
    public int DisputeId { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
}

public class DisputeStaff
{
    public int DisputeId { get; set; }
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
}

public class DisputeEncounter
{
    public int DisputeId { get; set; }
    public long EncounterId { get; set; }
    public Encounter? Encounter { get; set; }
}

/// <summary>One entry of a dispute's history.</summary>
public class DisputeEvent
{
    public long Id { get; set; }
    public int DisputeId { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public string? ActorName { get; set; }
    public string? Text { get; set; }
}

/// <summary>A route tried (art. 22); one is active at a time.</summary>
public class DisputeRoute
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public required string Route { get; set; }
    public DateOnly? AppliedOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    /// <summary>The mediation committee, the health authority or the court.</summary>
    public string? Body { get; set; }
    public string? CaseNumber { get; set; }
    public int? HospitalRepresentatives { get; set; }
    public int? FamilyRepresentatives { get; set; }
    /// <summary>Working days added by agreement of both sides.</summary>
    public int ExtensionWorkingDays { get; set; }
    public bool Active { get; set; } = true;
    public DateOnly? EndedOn { get; set; }
    /// <summary>agreement | judgment | failed | withdrawn | other.</summary>
    public string? Result { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>医疗损害鉴定 (arts. 34–36).</summary>
public class DisputeAppraisal
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public required string Body { get; set; }
    public DateOnly CommissionedOn { get; set; }
    /// <summary>The day the opinion came (the clock stops from commission to here).</summary>
    public DateOnly? OpinionOn { get; set; }
    public decimal Fee { get; set; }
    public string? FeePrepaidBy { get; set; }
    public bool? Harm { get; set; }
    public string? HarmDegree { get; set; }
    public bool? Fault { get; set; }
    public string? Causation { get; set; }
    public string? Liability { get; set; }
    public decimal? LiabilityPercent { get; set; }
    public bool Reappraisal { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A compensation item (Civil Code art. 1179): claimed and agreed.</summary>
public class DisputeCompensationLine
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public required string Item { get; set; }
    public decimal Claimed { get; set; }
    public decimal Agreed { get; set; }
    public string? Note { get; set; }
}

public class DisputePayment
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public required string Payer { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public string? Voucher { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A sealing of records or items (arts. 24–25) with both sides present.</summary>
public class DisputeSeal
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    /// <summary>records | items.</summary>
    public required string Kind { get; set; }
    /// <summary>originals | copies for records; the stage for an unfinished record.</summary>
    public string? Form { get; set; }
    public string? Stage { get; set; }
    public required string Contents { get; set; }
    public DateTime SealedAt { get; set; }
    public required string HospitalSigner { get; set; }
    public required string FamilySigner { get; set; }
    public DateTime? HospitalConfirmedAt { get; set; }
    public DateTime? FamilyConfirmedAt { get; set; }
    public DateTime? UnsealedAt { get; set; }
    public string? UnsealReason { get; set; }
    public string? UnsealedBy { get; set; }
}

/// <summary>A duty of art. 23: who told whom what, when.</summary>
public class DisputeDuty
{
    public int Id { get; set; }
    /// <summary>routes | sealing | autopsy.</summary>
    public required string Duty { get; set; }
    public int DisputeId { get; set; }
    public DateOnly ToldOn { get; set; }
    public required string ToldBy { get; set; }
    public required string ToldWhom { get; set; }
}

/// <summary>责任追究: a decision about one member of staff.</summary>
public class DisputeAccountability
{
    public int Id { get; set; }
    public int DisputeId { get; set; }
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
    public required string Decision { get; set; }
    public decimal? Amount { get; set; }
    public required string Reason { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string DecidedBy { get; set; }
}
