using System.Text.RegularExpressions;
using TrustBridge.Web.Pages.Shared;

namespace TrustBridge.Web.Pages.Staff.Feedback.Symposia;

/// <summary>Chinese labels (localizer keys) for the codes the symposium pages show.</summary>
public static partial class SymposiumLabels
{
    public static string Role(string role) => role switch
    {
        "patient" => "患者",
        "family" => "家属",
        "staff" => "职工",
        _ => role,
    };

    public static string Type(string type) => type switch
    {
        "complaint" => "投诉",
        "suggestion" => "建议",
        "praise" => "表扬",
        "consultation" => "咨询",
        _ => type,
    };

    public static string Status(string status) => status switch
    {
        "new" => "新建",
        "acknowledged" => "已受理",
        "in-progress" => "处理中",
        "replied" => "已答复",
        "closed" => "已关闭",
        "reopened" => "重新打开",
        "escalated" => "转纠纷",
        "merged" => "已合并",
        _ => status,
    };

    public static string StatusBadge(string status) => status switch
    {
        "closed" => "text-bg-success",
        "replied" => "text-bg-info",
        "new" or "reopened" => "text-bg-warning",
        "escalated" => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["The title is empty."] = "请填写座谈会标题。",
        ["Give the date the symposium is held."] = "请填写座谈会日期。",
        ["Choose the participant's role."] = "请选择参会人身份。",
        ["Give the participant's name."] = "请填写参会人姓名。",
        ["Only a staff participant has a staff code."] = "只有职工参会人可以填写工号。",
        ["Not a mainland China mobile number (11 digits starting with 13–19)."] = "手机号码无效（应为 13–19 开头的 11 位号码）。",
        ["Say what happened: the content is empty."] = "请填写意见内容。",
    };

    /// <summary>The service's English messages, in Chinese where known (the localizer turns them back for English readers).</summary>
    public static IEnumerable<FormError> Errors(IReadOnlyDictionary<string, string[]> errors, string key) =>
        errors.TryGetValue(key, out var list) ? list.Select(Translate) : [];

    public static FormError Translate(string message)
    {
        if (Fixed.TryGetValue(message, out var zh)) return new(zh, []);
        if (FarAhead().Match(message) is { Success: true } m) return new("日期 {0} 太远，不能晚于一年之后。", [m.Groups[1].Value]);
        return FormErrors.Translate(message);
    }

    [GeneratedRegex(@"^The date (\S+) is too far in the future\.$")] private static partial Regex FarAhead();
}
