namespace TrustBridge.Web.Domain;

/// <summary>The kinds of page the transparency portal publishes (PORTAL.md).</summary>
public static class PortalPageKinds
{
    /// <summary>医院概况: level, 诊疗科目, insurance, address, hours, directions, contact and complaint channels.</summary>
    public const string Profile = "profile";
    /// <summary>A service process as steps (挂号, 就诊, 检查, 缴费, 入院, 出院, 病历复印, 投诉).</summary>
    public const string Guide = "guide";
    /// <summary>One question and its answer.</summary>
    public const string Faq = "faq";
    /// <summary>A department's services (slug = the department code).</summary>
    public const string Department = "department";
    /// <summary>Any other item of the information catalogue (招标采购, 行风廉政…).</summary>
    public const string Catalogue = "catalogue";
    /// <summary>健康科普 article.</summary>
    public const string Article = "article";
    public static readonly string[] All = [Profile, Guide, Faq, Department, Catalogue, Article];
}

/// <summary>Where a page's newest version is: written, waiting for a reviewer, or published (possibly at a later time).</summary>
public static class PortalStatuses
{
    public const string Draft = "draft";
    public const string Review = "review";
    public const string Published = "published";
    public static readonly string[] All = [Draft, Review, Published];
}

/// <summary>
/// One item of the public information catalogue: a page whose text is kept as Markdown versions. The public sees the
/// newest published version whose publish time has come; staff edit the newest version while it is a draft.
/// </summary>
public class PortalPage
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    /// <summary>Unique within the kind; in the page's public address.</summary>
    public required string Slug { get; set; }
    /// <summary>The category (1–10) of the catalogue of 《医疗卫生机构信息公开管理办法》 art. 6.</summary>
    public int Category { get; set; }
    public int Position { get; set; }
    /// <summary>Working days allowed to publish a change (20; 10 for licence, 诊疗科目, accreditation, staff identification).</summary>
    public int DeadlineWorkingDays { get; set; } = 20;
    /// <summary>When the fact the page describes changed (set by the office); the page is due by DueOn.</summary>
    public DateOnly? ChangedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>Article category and tags (comma separated).</summary>
    public string? Tags { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<PortalPageVersion> Versions { get; set; } = [];
}

/// <summary>One version of a page: who wrote it and when, who reviewed it, and when it is (or was) published.</summary>
public class PortalPageVersion
{
    public int Id { get; set; }
    public int PageId { get; set; }
    public PortalPage? Page { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string Body { get; set; }
    public string Status { get; set; } = PortalStatuses.Draft;
    public required string WrittenBy { get; set; }
    public DateTime WrittenAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    /// <summary>UTC time from which the public sees this version (set when a reviewer publishes it).</summary>
    public DateTime? PublishAt { get; set; }
}

public static class HalfDays
{
    public const string Morning = "am";
    public const string Afternoon = "pm";
    public const string Whole = "all";
    public static readonly string[] Sessions = [Morning, Afternoon];
}

/// <summary>A doctor's weekly outpatient session (出诊): weekday 1 (Monday) – 7, morning or afternoon.</summary>
public class ClinicSession
{
    public int Id { get; set; }
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
    public int Weekday { get; set; }
    public required string HalfDay { get; set; }
    /// <summary>普通门诊, 专家门诊, 特需门诊.</summary>
    public required string ClinicKind { get; set; }
    public string? Place { get; set; }
}

/// <summary>A stop-clinic notice (停诊): the doctor does not see patients on that day (or half-day).</summary>
public class ClinicStop
{
    public int Id { get; set; }
    public int StaffId { get; set; }
    public Staff? Staff { get; set; }
    public DateOnly Date { get; set; }
    public required string HalfDay { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class PriceKinds
{
    public const string Service = "service";
    public const string Drug = "drug";
    public static readonly string[] All = [Service, Drug];
}

/// <summary>
/// One line of a published price list (PORTAL.md): a medical service (项目编码, 名称, 内涵, 除外内容, 计价单位, 价格, 医保类别,
/// 说明) or a drug (通用名, 商品名, 剂型, 规格, 计价单位, 价格, 生产企业, 医保目录). An import replaces the list of its kind.
/// </summary>
public class PriceItem
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    public string? Code { get; set; }
    /// <summary>项目名称, or the drug's 通用名.</summary>
    public required string Name { get; set; }
    public string? Content { get; set; }
    public string? Exclusions { get; set; }
    public string? BrandName { get; set; }
    public string? DosageForm { get; set; }
    public string? Specification { get; set; }
    public required string Unit { get; set; }
    public decimal Price { get; set; }
    public string? InsuranceClass { get; set; }
    public string? Manufacturer { get; set; }
    public string? Note { get; set; }
    public int Line { get; set; }
    public DateTime ImportedAt { get; set; }
}

public static class ActionStatuses
{
    public const string Planned = "planned";
    public const string InProgress = "in-progress";
    public const string Done = "done";
    public static readonly string[] All = [Planned, InProgress, Done];
}

/// <summary>
/// 您说·我们做: what patients raised (paraphrased by the office, nothing identifying) and what the hospital changed.
/// The source (a closed case, a symposium item, an improvement plan) is shown to staff only.
/// </summary>
public class YouSaidWeDid
{
    public int Id { get; set; }
    /// <summary>e.g. 2026Q3.</summary>
    public required string Quarter { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>A feedback category (FEEDBACK.md).</summary>
    public required string Theme { get; set; }
    public required string Said { get; set; }
    public required string Did { get; set; }
    public string Status { get; set; } = ActionStatuses.Planned;
    public DateOnly? DoneOn { get; set; }
    /// <summary>case, symposium-item or improvement-plan; with SourceId, for staff only.</summary>
    public string? SourceKind { get; set; }
    public int? SourceId { get; set; }
    public bool Published { get; set; }
    public required string WrittenBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class PortalEventKinds
{
    public const string Lecture = "lecture";
    public const string FreeClinic = "free-clinic";
    public const string Community = "community";
    public static readonly string[] All = [Lecture, FreeClinic, Community];
}

/// <summary>健康讲座, 义诊 or 患者社群活动 with online registration up to its capacity, then a waiting list.</summary>
public class PortalEvent
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public required string Place { get; set; }
    public int Capacity { get; set; }
    public DateTime? CancelledAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class RegistrationStatuses
{
    public const string Registered = "registered";
    public const string Waitlisted = "waitlisted";
    public const string Cancelled = "cancelled";
}

/// <summary>One person's registration: the mobile is encrypted, masked and keyed-hashed like a complainant's.</summary>
public class EventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public PortalEvent? Event { get; set; }
    /// <summary>Unguessable; in the cancellation link.</summary>
    public required string Reference { get; set; }
    public required string Name { get; set; }
    public required string MobileEncrypted { get; set; }
    public required string MobileMasked { get; set; }
    public required string MobileHash { get; set; }
    public string Status { get; set; } = RegistrationStatuses.Registered;
    public bool Attended { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
}
