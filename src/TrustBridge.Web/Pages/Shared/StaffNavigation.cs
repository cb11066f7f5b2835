using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Pages.Shared;

/// <summary>One entry of the staff navigation; Policy null means every member of staff sees it.</summary>
public sealed record NavEntry(string Label, string Href, string Icon, string? Policy = null);

public sealed record NavGroup(string Label, IReadOnlyList<NavEntry> Entries);

/// <summary>Every feature area of the system, in the order the closed loop runs: listen, measure, act, show.</summary>
public static class StaffNavigation
{
    public static readonly IReadOnlyList<NavGroup> Groups =
    [
        new("概览", [new("首页", "/Staff", "bi-speedometer2")]),
        new("基础数据", [
            new("科室", "/Staff/Organization/Departments", "bi-diagram-3"),
            new("医务人员", "/Staff/Organization/Staff", "bi-person-badge"),
            new("患者", "/Staff/Patients", "bi-people"),
            new("就诊记录", "/Staff/Patients/Encounters", "bi-journal-medical"),
            new("数据导入", "/Staff/Imports", "bi-upload", Policies.RegistryWrite),
        ]),
        new("倾听与测量", [
            new("满意度与信任调查", "/Staff/Surveys", "bi-clipboard-check"),
            new("信任指数", "/Staff/Trust", "bi-graph-up"),
            new("反馈工单", "/Staff/Feedback", "bi-chat-left-text"),
            new("随访", "/Staff/FollowUps", "bi-telephone"),
        ]),
        new("行动与公开", [
            new("纠纷", "/Staff/Disputes", "bi-exclamation-diamond"),
            new("改进", "/Staff/Improvement", "bi-arrow-repeat"),
            new("绩效考核", "/Staff/Assessment", "bi-clipboard-data"),
            new("培训", "/Staff/Training", "bi-mortarboard"),
            new("院务公开", "/Staff/Transparency", "bi-megaphone"),
            new("通知", "/Staff/Notifications", "bi-bell"),
        ]),
        new("系统", [
            new("审计", "/Staff/Audit", "bi-shield-check", Policies.AuditRead),
            new("工作日历", "/Staff/Calendar", "bi-calendar3"),
            new("账户", "/Staff/Accounts", "bi-person-gear", Policies.Admin),
        ]),
    ];

    /// <summary>The entry the current path belongs to: the longest matching prefix, so /Staff/Patients/Encounters is not 患者.</summary>
    public static NavEntry? Current(PathString path) =>
        Groups.SelectMany(g => g.Entries)
            .Where(e => path.StartsWithSegments(e.Href, StringComparison.OrdinalIgnoreCase))
            .MaxBy(e => e.Href.Length);
}
