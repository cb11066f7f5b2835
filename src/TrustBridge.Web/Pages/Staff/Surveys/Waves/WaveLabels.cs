using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Pages.Staff.Surveys.Waves;

/// <summary>The Chinese words (localizer keys) of exclusion reasons and invitation statuses.</summary>
public static class WaveLabels
{
    public static string Exclusion(string reason) => reason switch
    {
        "under-18" => "未满 18 岁",
        "deceased" => "已故",
        "no-mobile" => "无手机号",
        "opted-out" => "已退订调查",
        "invited-in-last-90-days" => "90 天内已被邀请",
        "outside-contact-window" => "不在联系窗口（出院后 2–42 天）",
        _ => reason,
    };

    public static readonly string[] Statuses =
        [InvitationStatuses.Pending, InvitationStatuses.Sent, InvitationStatuses.Answered, InvitationStatuses.Expired, InvitationStatuses.OptedOut];

    public static string Status(string status) => status switch
    {
        InvitationStatuses.Pending => "待发送",
        InvitationStatuses.Sent => "已发送",
        InvitationStatuses.Answered => "已答",
        InvitationStatuses.Expired => "已过期",
        InvitationStatuses.OptedOut => "已退订",
        _ => status,
    };
}
