namespace TrustBridge.Web.Features.Patients;

/// <summary>
/// Issue 16, defect 6: every reveal of a patient's full identifiers says why — one of a short list, or a text of 4 to
/// 500 characters — so the append-only audit holds a reason a reviewer can judge, and never a megabyte of filler.
/// </summary>
public static class RevealReasons
{
    public const int MinText = 4;
    public const int MaxText = 500;

    /// <summary>The listed reasons: code → what the audit and the page say.</summary>
    public static readonly IReadOnlyDictionary<string, string> Listed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["follow-up-call"] = "电话回访",
        ["identity-check"] = "核对患者身份",
        ["case-handling"] = "办理投诉或纠纷",
        ["legal-request"] = "依法调取（公安、法院等）",
    };

    /// <summary>The reason to audit, or the problem with it. A listed code is recorded with its words.</summary>
    public static (string? Reason, string? Problem) Check(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
            return (null, $"Give a reason: one of {string.Join(", ", Listed.Keys)}, or at least {MinText} characters of text.");
        if (Listed.TryGetValue(text, out var words)) return ($"{text}: {words}", null);
        if (text.Length < MinText) return (null, $"The reason is shorter than {MinText} characters; choose one of {string.Join(", ", Listed.Keys)} or say more.");
        if (text.Length > MaxText) return (null, $"The reason is longer than {MaxText} characters.");
        return (text, null);
    }
}
