namespace TrustBridge.Web.Features.Surveys;

/// <summary>Surveys:* configuration.</summary>
public sealed class SurveyOptions
{
    /// <summary>The address patients reach the hospital's TrustBridge at (links in messages and on posters).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Days after the invitation was delivered before the one reminder.</summary>
    public int ReminderAfterDays { get; set; } = 3;
    public string HospitalShortName { get; set; } = "信桥医院";

    public string LinkFor(string token) => $"{PublicBaseUrl.TrimEnd('/')}/s/{token}";

    /// <summary>The address on a department's QR poster.</summary>
    public string QrLinkFor(string departmentCode) => $"{PublicBaseUrl.TrimEnd('/')}/q/{Uri.EscapeDataString(departmentCode)}";
}
