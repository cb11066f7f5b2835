using TrustBridge.Core.Triage;

namespace TrustBridge.Core.Tests.Triage;

/// <summary>
/// Pins each class of the threat taxonomy with examples written for this test (not from any evaluation set), and the
/// hard rule on them: a threat is rated high whatever else the text says. Out-of-scope mentions are not high but still
/// carry a taxonomy cue (so they go to the second look).
/// </summary>
public class ThreatTaxonomyTests
{
    private static readonly TriageModel Model = TriageModel.Default;

    [Theory]
    [InlineData("surveillance", "骨科那个李大夫几点下班、走哪条路，我都打听清楚了")]
    [InlineData("surveillance", "他闺女在哪个小学上学我也知道")]
    [InlineData("veiled", "这件事没完，你们走着瞧")]
    [InlineData("veiled", "那个护士晚上回家最好看着点")]
    [InlineData("weapon", "我车里放着一桶汽油，随时能拎上去")]
    [InlineData("weapon", "下回我揣着菜刀来找他")]
    [InlineData("property", "再不退钱我就把收费处的电脑砸了")]
    [InlineData("property", "信不信我把你们的叫号屏敲烂")]
    [InlineData("crowd", "明天我们就在门诊大厅摆花圈")]
    [InlineData("crowd", "老家几十个亲戚明天都过来，把住院部门口围住")]
    [InlineData("selfharm", "你们不给说法，我就从你们医院楼顶跳下去")]
    [InlineData("selfharm", "再没人管我就在你们科室喝农药")]
    [InlineData("leaders", "让院长出来，不然我就去他家门口等他")]
    [InlineData("leaders", "书记再不露面，我就去行政楼堵他")]
    public void Each_class_is_found_and_rated_high(string threatClass, string text)
    {
        var r = Model.Classify(text);
        r.RiskLevel.ShouldBe(RiskLevels.High, text);
        r.Threats.ShouldContain(threatClass, text);
        r.Cues.ShouldContain(c => c.Signal == "threat:" + threatClass);
    }

    [Theory]
    [InlineData("我们不会去医院门口摆花圈，只想医生解释清楚")] // negated
    [InlineData("听说有人在急诊拿刀吓唬医生，希望加强安保")] // reported
    [InlineData("万一有家属在大厅拉横幅，医院会怎么处理？")] // hypothetical
    public void Mentions_out_of_scope_are_not_high_but_keep_a_taxonomy_cue(string text)
    {
        var r = Model.Classify(text);
        r.RiskLevel.ShouldNotBe(RiskLevels.High, text);
        r.HasThreatCue.ShouldBeTrue(text);
    }

    [Theory]
    [InlineData("王主任给我开刀，刀口愈合得很好")]
    [InlineData("门口堵车堵了半小时")]
    public void Everyday_words_containing_a_cue_character_are_no_threat(string text)
    {
        var r = Model.Classify(text);
        r.RiskLevel.ShouldBe(RiskLevels.Low, text);
        r.HasThreatCue.ShouldBeFalse(text);
    }

    [Fact]
    public void Jieba_keeps_everyday_words_whole_with_the_hospital_dictionary()
    {
        var words = JiebaWordSegmenter.Default.Cut("主刀医生开刀很顺利，护士长也来了").Select(w => w.Text).ToList();
        words.ShouldContain("开刀");
        words.ShouldContain("护士长");
        words.ShouldNotContain("刀");
    }

    [Fact]
    public void Traditional_characters_emoji_full_width_and_english_are_handled()
    {
        Model.Classify("讓你們院長出來，不然我就去他家門口等他").RiskLevel.ShouldBe(RiskLevels.High);
        Model.Classify("那个医生给我等着🔪").RiskLevel.ShouldBe(RiskLevels.High);
        Model.Classify("ＡＢＣ！！！😀😀").RiskLevel.ShouldBe(RiskLevels.Low);
        Model.Classify("I know where the doctor lives and which school his kid goes to").RiskLevel.ShouldBe(RiskLevels.High);
        Model.Classify("").RiskLevel.ShouldBe(RiskLevels.Low);
    }

    [Fact]
    public void Cues_shown_are_phrases_never_character_pairs_of_the_n_gram_model()
    {
        foreach (var text in new[] { "医生一来医院就骂人", "我母亲在病房里摔倒了没人管" })
            foreach (var cue in Model.Classify(text).Cues)
                TriageModel.IsReadableCue(cue.Text, cue.Signal).ShouldBeTrue($"{text}: {cue.Text} {cue.Signal}");
        TriageModel.IsReadableCue("来医", "category:attitude").ShouldBeFalse();
        TriageModel.IsReadableCue("态度", "category:attitude").ShouldBeTrue();
    }

    [Fact]
    public void The_shipped_model_file_is_what_triage_train_builds_from_the_seed_corpus()
    {
        var shipped = File.ReadAllText(TriageModelFile.DefaultPath);
        var fresh = new StringWriter();
        TriageModel.TrainLinear(JiebaWordSegmenter.Default, []).Write(fresh);
        fresh.ToString().ShouldBe(shipped, "run `trustbridge triage train` after changing the seed corpus, the lexicons or the features");
    }

    [Fact]
    public void Retraining_with_overrides_learns_their_risk_level()
    {
        const string text = "那位大夫的事我记在小本子上了，咱们慢慢算";
        var before = TriageModel.Build([]).Classify(text);
        var examples = Enumerable.Range(0, 6).Select(i => new LabelledText($"那位大夫的事我记在小本子上了，咱们慢慢算{i}", FeedbackTypes.Complaint, FeedbackCategories.Attitude, RiskLevels.High));
        var after = TriageModel.Build(examples).Classify(text);
        after.RiskLevel.ShouldBe(RiskLevels.High);
        after.Cues.ShouldContain(c => c.Signal == "model:high" || c.Signal.StartsWith("threat:") || c.Signal == "risk:high");
        before.ShouldNotBeNull();
    }
}
