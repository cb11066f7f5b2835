namespace TrustBridge.Core.Triage;

internal sealed record LexiconEntry(string Phrase, string Label, double Weight);

internal sealed record LexiconMatch(int Index, LexiconEntry Entry)
{
    public int End => Index + Entry.Phrase.Length;
}

/// <summary>
/// A phrase list matched by forward maximum matching: at each position the longest phrase wins and the scan
/// moves past it, so "不耐烦" is one match rather than also "耐烦", and "没有耐心" is not read as "耐心".
/// </summary>
internal sealed class PhraseLexicon
{
    private readonly Dictionary<char, LexiconEntry[]> _byFirstChar;

    public PhraseLexicon(IEnumerable<LexiconEntry> entries)
    {
        _byFirstChar = entries
            .Where(e => e.Phrase.Length > 0)
            .GroupBy(e => e.Phrase[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Phrase.Length).ToArray());
    }

    /// <summary>Builds entries from space-separated phrases; "phrase*2" gives a phrase weight 2.</summary>
    public static IEnumerable<LexiconEntry> Parse(string label, string phrases, double weight = 1.0)
    {
        foreach (var token in phrases.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var star = token.IndexOf('*');
            if (star < 0) yield return new LexiconEntry(token, label, weight);
            else yield return new LexiconEntry(token[..star], label, double.Parse(token[(star + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public bool Contains(string phrase) =>
        phrase.Length > 0 && _byFirstChar.TryGetValue(phrase[0], out var candidates) && candidates.Any(e => e.Phrase == phrase);

    public List<LexiconMatch> Matches(string text)
    {
        var found = new List<LexiconMatch>();
        var i = 0;
        while (i < text.Length)
        {
            LexiconEntry? best = null;
            if (_byFirstChar.TryGetValue(text[i], out var candidates))
                foreach (var e in candidates)
                    if (string.CompareOrdinal(text, i, e.Phrase, 0, e.Phrase.Length) == 0) { best = e; break; }
            if (best is null) { i++; continue; }
            found.Add(new LexiconMatch(i, best));
            i += best.Phrase.Length;
        }
        return found;
    }
}
