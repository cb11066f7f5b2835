using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>Disputes: section of the configuration (local rules are settings, DISPUTES.md).</summary>
public sealed class DisputeOptions
{
    /// <summary>Above this agreed amount (元) negotiation alone may not settle (黑龙江, 重庆: 1万元; others 5千 or 2万).</summary>
    public decimal NegotiationLimit { get; set; } = 10_000m;
    /// <summary>Severities that make a dispute major besides a death (art. 28; local criteria).</summary>
    public List<string> MajorSeverities { get; set; } = ["death", "severe"];
    /// <summary>Hours within which a major dispute is reported to the health authority; none nationally (null).</summary>
    public int? MajorReportHours { get; set; }
    /// <summary>Told about a major dispute: the office lead…</summary>
    public List<AlertRecipient> OfficeLead { get; set; } = [];
    /// <summary>…and the executive (分管院领导).</summary>
    public List<AlertRecipient> Executive { get; set; } = [];
}
