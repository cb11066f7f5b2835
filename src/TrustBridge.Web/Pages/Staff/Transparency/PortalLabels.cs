using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Pages.Staff.Transparency;

/// <summary>Chinese labels of the portal's codes; pages pass them through the localizer.</summary>
public static class PortalLabels
{
    public static string Kind(string k) => k switch
    {
        PortalPageKinds.Profile => "医院概况", PortalPageKinds.Guide => "就医指南", PortalPageKinds.Faq => "常见问题",
        PortalPageKinds.Department => "科室介绍", PortalPageKinds.Article => "健康科普", _ => "其他公开事项",
    };

    public static string Status(string s) => s switch
    {
        PortalStatuses.Review => "待审核", PortalStatuses.Published => "已发布", _ => "草稿",
    };
}
