using System.Text.RegularExpressions;
using TrustBridge.Web.Pages.Shared;

namespace TrustBridge.Web.Pages.Staff.Surveys.Waves;

/// <summary>CreateSurveyWave's English messages as Chinese templates for the form (the localizer gives English readers the English back).</summary>
public static partial class WaveFormErrors
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["name is required."] = "请填写批次名称。",
        ["periodFrom and periodTo are required."] = "请填写就诊期间的开始和结束日期。",
        ["periodFrom must not be after periodTo."] = "开始日期不能晚于结束日期。",
        ["margin must be between 0 and 0.5 (e.g. 0.05)."] = "允许误差应在 0 到 0.5 之间（例如 0.05）。",
        ["responseRate must be in (0, 1]."] = "预期应答率应大于 0 且不超过 1。",
        ["Choose at least one department."] = "请至少选择一个科室。",
    };

    public static IEnumerable<FormError> For(IReadOnlyDictionary<string, string[]> errors, string key) =>
        errors.TryGetValue(key, out var list) ? list.Select(Translate) : [];

    private static FormError Translate(string message)
    {
        if (Fixed.TryGetValue(message, out var zh)) return new(zh, []);
        if (NoInstrument().Match(message) is { Success: true } m) return new("没有已发布的问卷“{0}”。", [m.Groups[1].Value]);
        return FormErrors.Translate(message);
    }

    [GeneratedRegex("^No published instrument '(.*)'\\.$")] private static partial Regex NoInstrument();
}
