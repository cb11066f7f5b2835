namespace TrustBridge.Web.Features.Feedback;

/// <summary>A person or desk who is told about alerts and breaches (configured; e.g. the on-duty phone).</summary>
public sealed class AlertRecipient
{
    public string Name { get; set; } = "";
    /// <summary>sms, wechat, email or staff.</summary>
    public string Channel { get; set; } = "sms";
    public string Address { get; set; } = "";
}

/// <summary>Feedback: section of the configuration.</summary>
public sealed class FeedbackOptions
{
    /// <summary>On-duty patient-relations staff told at once about a high-risk case.</summary>
    public List<AlertRecipient> OnDutyPatientRelations { get; set; } = [];
    /// <summary>On-duty security (保卫科) told at once about a high-risk case.</summary>
    public List<AlertRecipient> Security { get; set; } = [];
    /// <summary>The office lead: medium-risk flags and every breach.</summary>
    public List<AlertRecipient> OfficeLead { get; set; } = [];
    /// <summary>Public intake per client address per minute (the form and the anonymous API).</summary>
    public int IntakePerMinute { get; set; } = 10;
    /// <summary>Where patients reach the patient-relations office in person or by phone (shown on the tracking page of an escalated case), e.g. "门诊楼一楼，电话 0451-12345678".</summary>
    public string OfficeContact { get; set; } = "";
    /// <summary>The public base address used in links sent to patients.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
