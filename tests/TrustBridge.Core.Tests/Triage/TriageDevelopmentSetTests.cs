using TrustBridge.Core.Triage;

namespace TrustBridge.Core.Tests.Triage;

public class TriageDevelopmentSetTests
{
    private static readonly IReadOnlyList<LabelledText> Dev = TriageDevelopmentSet.All;

    [Fact]
    public void Covers_every_category_risk_level_and_type()
    {
        Dev.Count.ShouldBeGreaterThanOrEqualTo(400);
        foreach (var c in FeedbackCategories.All) Dev.Count(e => e.Category == c).ShouldBeGreaterThanOrEqualTo(40, c);
        Dev.Count(e => e.RiskLevel == RiskLevels.High).ShouldBeGreaterThanOrEqualTo(50);
        Dev.Count(e => e.RiskLevel == RiskLevels.Medium).ShouldBeGreaterThanOrEqualTo(80);
        foreach (var t in FeedbackTypes.All) Dev.Count(e => e.Type == t).ShouldBeGreaterThanOrEqualTo(20, t);
    }

    [Fact]
    public void Has_no_duplicate_texts() => Dev.Select(e => e.Text).Distinct().Count().ShouldBe(Dev.Count);

    [Fact]
    public void Shares_no_text_and_no_12_character_run_with_the_seed_corpus()
    {
        const int run = 12;
        var seedRuns = new HashSet<string>();
        foreach (var s in TriageSeedCorpus.Texts)
            for (var i = 0; i + run <= s.Text.Length; i++) seedRuns.Add(s.Text.Substring(i, run));
        var seedTexts = TriageSeedCorpus.Texts.Select(s => s.Text).ToHashSet();

        var overlapping = Dev.Where(e => seedTexts.Contains(e.Text) ||
            Enumerable.Range(0, Math.Max(0, e.Text.Length - run + 1)).Any(i => seedRuns.Contains(e.Text.Substring(i, run))))
            .Select(e => e.Text).ToList();
        overlapping.ShouldBeEmpty();
    }

    [Fact]
    public void The_seed_corpus_has_at_least_700_texts_in_every_category()
    {
        TriageSeedCorpus.Texts.Count.ShouldBeGreaterThanOrEqualTo(700);
        foreach (var c in FeedbackCategories.All) TriageSeedCorpus.Texts.ShouldContain(e => e.Category == c);
    }
}
