namespace TrustBridge.Web.Pages.Shared;

/// <summary>
/// Validation messages come from the feature services in English (the API returns them as problem details). The
/// pages show them in the reader's language: the fixed ones have a Chinese text here, which the localizer turns back
/// to English for English readers; messages that carry a value are shown as the service wrote them.
/// </summary>
public static class FormErrors
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
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

    public static string Translate(string message) => Chinese.TryGetValue(message, out var zh) ? zh : message;

    public static IEnumerable<string> For(IReadOnlyDictionary<string, string[]> errors, string key) =>
        errors.TryGetValue(key, out var list) ? list.Select(Translate) : [];
}
