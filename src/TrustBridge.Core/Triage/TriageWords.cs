using JiebaNet.Segmenter;

namespace TrustBridge.Core.Triage;

/// <summary>One segmented word and where it starts in the normalized text.</summary>
public readonly record struct Word(string Text, int Start)
{
    public int End => Start + Text.Length;
}

/// <summary>Splits normalized text into words. Triage's rules read words, not characters (开刀 is not 刀).</summary>
public interface IWordSegmenter
{
    IReadOnlyList<Word> Cut(string normalized);
}

/// <summary>
/// jieba.NET (0.42.2) with its own dictionary plus the hospital user dictionary shipped in this repository
/// (Triage/triage-userdict.txt). Dictionary mode only (no HMM guessing of unknown words): it is what the lexicons are
/// written against, and four times faster. jieba reads its files itself; this class is the one place in Core that
/// tells it where they are (ADR 010): the folder <c>jieba/</c> beside the application, copied there by the build.
/// Thread-safe: jieba's Cut keeps no state between calls.
/// </summary>
public sealed class JiebaWordSegmenter : IWordSegmenter
{
    private static readonly Lazy<JiebaWordSegmenter> Shared = new(() => new JiebaWordSegmenter(DefaultDirectory));
    private readonly JiebaSegmenter _jieba;

    public JiebaWordSegmenter(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "dict.txt")))
            throw new FileNotFoundException($"jieba's dictionary is not in {directory}; the build copies it there from the jieba.NET package.", Path.Combine(directory, "dict.txt"));
        ConfigManager.ConfigFileBaseDir = directory;
        _jieba = new JiebaSegmenter();
        var user = Path.Combine(directory, "triage-userdict.txt");
        if (File.Exists(user)) _jieba.LoadUserDict(user);
    }

    /// <summary>jieba/ beside the running application (Core, tests, web and CLI builds all copy it there).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "jieba");

    public static JiebaWordSegmenter Default => Shared.Value;

    public IReadOnlyList<Word> Cut(string normalized)
    {
        var words = new List<Word>(normalized.Length / 2 + 1);
        if (normalized.Length == 0) return words;
        var at = 0;
        foreach (var w in _jieba.Cut(normalized, cutAll: false, hmm: false))
        {
            var start = normalized.IndexOf(w, at, StringComparison.Ordinal);
            if (start < 0) start = at;
            words.Add(new Word(w, start));
            at = start + w.Length;
        }
        return words;
    }
}
