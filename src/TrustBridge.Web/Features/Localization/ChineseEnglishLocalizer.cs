using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace TrustBridge.Web.Features.Localization;

/// <summary>
/// The UI is written in Chinese; the key of every string is its Chinese text. Resources/en-translations*.json map it to
/// English (one file per area, e.g. en-translations.surveys.json, so areas do not edit one file), used when the request
/// culture is English. A missing translation falls back to the Chinese (a test lists them).
/// </summary>
public sealed class ChineseEnglishLocalizer : IStringLocalizer
{
    public const string ResourcePrefix = "TrustBridge.Web.Resources.en-translations";

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
        var assembly = typeof(ChineseEnglishLocalizer).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new InvalidOperationException($"No embedded {ResourcePrefix}*.json resource.");
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (zh, en) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                if (!all.TryAdd(zh, en) && all[zh] != en)
                    throw new InvalidOperationException($"'{zh}' is translated twice, differently, in the en-translations files.");
        }
        return all;
    }
}
