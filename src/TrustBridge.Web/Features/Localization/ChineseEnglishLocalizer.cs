using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace TrustBridge.Web.Features.Localization;

/// <summary>
/// The UI is written in Chinese; the key of every string is its Chinese text. Resources/en-translations.json maps it to
/// English, used when the request culture is English. A missing translation falls back to the Chinese (a test lists them).
/// </summary>
public sealed class ChineseEnglishLocalizer : IStringLocalizer
{
    public const string ResourceName = "TrustBridge.Web.Resources.en-translations.json";

    private readonly IReadOnlyDictionary<string, string> _english;

    public ChineseEnglishLocalizer() : this(LoadEmbedded()) { }

    public ChineseEnglishLocalizer(IReadOnlyDictionary<string, string> english) => _english = english;

    public IReadOnlyDictionary<string, string> English => _english;

    public LocalizedString this[string name] => Find(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = Find(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _english.Select(kv => IsEnglish ? new LocalizedString(kv.Key, kv.Value) : new LocalizedString(kv.Key, kv.Key));

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private LocalizedString Find(string chinese)
    {
        if (!IsEnglish) return new LocalizedString(chinese, chinese);
        return _english.TryGetValue(chinese, out var en)
            ? new LocalizedString(chinese, en)
            : new LocalizedString(chinese, chinese, resourceNotFound: true);
    }

    private static Dictionary<string, string> LoadEmbedded()
    {
        using var stream = typeof(ChineseEnglishLocalizer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
