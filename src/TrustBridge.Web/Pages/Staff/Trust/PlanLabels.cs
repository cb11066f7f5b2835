using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>The Chinese words (localizer keys) of improvement-plan and service-recovery statuses.</summary>
public static class PlanLabels
{
    public static string Status(string status) => status switch
    {
        PlanStatuses.Open => "待处理",
        PlanStatuses.InProgress => "进行中",
        PlanStatuses.Done => "已办结",
        PlanStatuses.Cancelled => "已取消",
        _ => status,
    };
}
