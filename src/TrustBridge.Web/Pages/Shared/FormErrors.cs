using System.Text.RegularExpressions;

namespace TrustBridge.Web.Pages.Shared;

/// <summary>A validation message as a localizer template (Chinese) and the values it carries.</summary>
public sealed record FormError(string Template, object[] Values);

/// <summary>
/// Validation messages come from the feature services in English (the API returns them as problem details). The
/// pages show them in the reader's language: known messages have a Chinese template here, which the localizer turns
/// back into English for English readers; any other message is shown as the service wrote it.
/// </summary>
public static partial class FormErrors
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["code is required."] = "代码为必填项。",
        ["code is at most 32 characters."] = "代码最多 32 个字符。",
        ["name is required."] = "名称为必填项。",
        ["name is at most 100 characters."] = "名称最多 100 个字符。",
        ["name is at most 64 characters."] = "姓名最多 64 个字符。",
        ["bio is at most 4000 characters."] = "简介最多 4000 个字符。",
        ["A department cannot be its own parent."] = "科室不能以自己为上级科室。",
        ["A valid email is required."] = "请填写有效的邮箱。",
        ["A password is required."] = "请填写密码。",
        ["At least one role is required."] = "至少选择一个角色。",
    };

    private static readonly (Regex Pattern, string Template)[] WithValue =
    [
        (DepartmentExists(), "科室代码 {0} 已存在。"),
        (StaffExists(), "工号 {0} 已存在。"),
        (UnknownDepartment(), "未知的科室代码：{0}。"),
        (UnknownDepartments(), "未知的科室代码：{0}。"),
        (UnknownStaff(), "未知的工号：{0}。"),
    ];

    public static FormError Translate(string message)
    {
        if (Fixed.TryGetValue(message, out var zh)) return new(zh, []);
        foreach (var (pattern, template) in WithValue)
            if (pattern.Match(message) is { Success: true } m) return new(template, [m.Groups[1].Value]);
        return new(message, []);
    }

    public static IEnumerable<FormError> For(IReadOnlyDictionary<string, string[]> errors, string key) =>
        errors.TryGetValue(key, out var list) ? list.Select(Translate) : [];

    [GeneratedRegex(@"^A department with code (.+) already exists\.$")] private static partial Regex DepartmentExists();
    [GeneratedRegex(@"^A member of staff with code (.+) already exists\.$")] private static partial Regex StaffExists();
    [GeneratedRegex(@"^Unknown department code: (.+)\.$")] private static partial Regex UnknownDepartment();
    [GeneratedRegex(@"^Unknown department code\(s\): (.+)\.$")] private static partial Regex UnknownDepartments();
    [GeneratedRegex(@"^Unknown staff code: (.+)\.$")] private static partial Regex UnknownStaff();
}
