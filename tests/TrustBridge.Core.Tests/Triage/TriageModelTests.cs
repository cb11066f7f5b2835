using TrustBridge.Core.Triage;

namespace TrustBridge.Core.Tests.Triage;

public class TriageModelTests
{
    private static readonly TriageModel Model = TriageModel.Default;

    [Fact]
    public void Category_accuracy_on_the_development_set_is_at_least_85_percent() =>
        TriageEvaluation.Evaluate(Model, TriageDevelopmentSet.All).Category.Accuracy.ShouldBeGreaterThanOrEqualTo(0.85);

    [Fact]
    public void Every_high_risk_development_text_is_rated_high()
    {
        var missed = TriageDevelopmentSet.All
            .Where(e => e.RiskLevel == RiskLevels.High)
            .Where(e => Model.Classify(e.Text).RiskLevel != RiskLevels.High)
            .Select(e => e.Text).ToList();
        missed.ShouldBeEmpty();
    }

    [Fact]
    public void Medium_risk_recall_is_at_least_80_percent() =>
        TriageEvaluation.Evaluate(Model, TriageDevelopmentSet.All).Risk[RiskLevels.Medium].Recall.ShouldBeGreaterThanOrEqualTo(0.8);

    [Fact]
    public void Type_accuracy_is_at_least_80_percent() =>
        TriageEvaluation.Evaluate(Model, TriageDevelopmentSet.All).Type.Accuracy.ShouldBeGreaterThanOrEqualTo(0.8);

    [Fact]
    public void Every_high_result_carries_the_phrase_that_triggered_it()
    {
        foreach (var e in TriageDevelopmentSet.All)
        {
            var r = Model.Classify(e.Text);
            if (r.RiskLevel != RiskLevels.High) continue;
            var high = r.Cues.Where(c => c.Signal == "risk:high" || c.Signal.StartsWith("threat:")).ToList();
            if (r.Cues.Any(c => c.Signal == "model:high")) continue; // the model's decision: no phrase of the text
            high.ShouldNotBeEmpty(e.Text);
            high.ShouldAllBe(c => c.Text.Length > 0 && c.Text.Split('…', StringSplitOptions.None).All(part => part.Length > 0 && e.Text.Contains(part)), e.Text);
        }
    }

    [Theory]
    [InlineData("再不给说法，我就拉横幅堵你们大门", "拉横幅")]
    [InlineData("不给说法我就拉横幅", "拉横幅")]
    [InlineData("不要逼我拉横幅", "拉横幅")]
    [InlineData("我要殺了那個醫生", "殺")]
    [InlineData("明天我就喝农药死在你们医院", "喝农药")]
    public void Threats_are_high_with_the_phrase_as_cue(string text, string phrase)
    {
        var r = Model.Classify(text);
        r.RiskLevel.ShouldBe(RiskLevels.High);
        r.Cues.ShouldContain(c => c.Signal == "risk:high" && c.Text.Contains(phrase));
    }

    [Theory]
    [InlineData("我不会闹事，只想问清楚我爸的情况")]
    [InlineData("我不想拉横幅，只想要个说法")]
    [InlineData("新闻里看到有人砍医生，希望医院保护好医生")]
    [InlineData("在抖音上看到你们医院的宣传，请问儿科周末有门诊吗？")]
    [InlineData("打针的时候疼死了，护士手法能不能轻一点")]
    [InlineData("打死我也不来这家医院了，排队排了三个小时")]
    [InlineData("感谢ICU的医生，我父亲去世前得到了很好的照顾")]
    public void Mentions_that_are_not_threats_stay_low(string text) => Model.Classify(text).RiskLevel.ShouldBe(RiskLevels.Low);

    [Theory]
    [InlineData("多收的钱不退，我就发抖音曝光")]
    [InlineData("我要求赔偿")]
    [InlineData("我已经找了律师")]
    [InlineData("手术后我爸瘫痪了")]
    public void Going_outside_compensation_and_serious_harm_are_medium(string text) =>
        Model.Classify(text).RiskLevel.ShouldBe(RiskLevels.Medium);

    [Fact]
    public void A_negated_cue_is_shown_but_does_not_raise_the_level()
    {
        var r = Model.Classify("我不是要去曝光，只是希望管管收红包的事");
        r.RiskLevel.ShouldBe(RiskLevels.Low);
        r.Category.ShouldBe(FeedbackCategories.Ethics);
        r.Cues.ShouldContain(c => c.Signal == "risk:low" && c.Text.StartsWith("不是要"));
    }

    [Fact]
    public void Retraining_with_staff_labelled_examples_changes_a_wrong_classification()
    {
        // Money paid but not on record is a billing matter; the shipped model reads "窗口" and "记录" as process.
        const string text = "窗口说我的缴费记录没有了";
        Model.Classify(text).Category.ShouldNotBe(FeedbackCategories.Cost, "precondition: the shipped model gets this one wrong");
        var retrained = TriageModel.Build(
        [
            new("交了钱系统里查不到记录，又让我再交一次", FeedbackTypes.Complaint, FeedbackCategories.Cost, RiskLevels.Low),
            new("缴的钱没有记录，等于白交了", FeedbackTypes.Complaint, FeedbackCategories.Cost, RiskLevels.Low),
            new("付了款系统显示没交钱", FeedbackTypes.Complaint, FeedbackCategories.Cost, RiskLevels.Low),
            new("窗口说缴费记录没有了，让我再缴一次费", FeedbackTypes.Complaint, FeedbackCategories.Cost, RiskLevels.Low),
            new("我的缴费记录没有了，钱去哪了", FeedbackTypes.Complaint, FeedbackCategories.Cost, RiskLevels.Low),
        ]);
        retrained.Classify(text).Category.ShouldBe(FeedbackCategories.Cost);
        Model.Classify(text).Category.ShouldNotBe(FeedbackCategories.Cost); // the default model is unchanged
    }

    [Fact]
    public void Build_rejects_unknown_labels() =>
        Should.Throw<ArgumentException>(() => TriageModel.Build([new("文本", "complain", FeedbackCategories.Cost, RiskLevels.Low)]));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public void Empty_text_is_low_risk_with_a_default_category(string? text)
    {
        var r = Model.Classify(text!);
        r.RiskLevel.ShouldBe(RiskLevels.Low);
        FeedbackCategories.All.ShouldContain(r.Category);
        FeedbackTypes.All.ShouldContain(r.Type);
        r.Cues.ShouldBeEmpty();
    }

    [Fact]
    public void A_very_long_text_is_classified()
    {
        var unit = "医院收费太乱了，清单上好多项目看不懂，问了也没人解释。";
        var text = string.Concat(Enumerable.Repeat(unit, 20_000 / unit.Length + 1))[..20_000];
        var r = Model.Classify(text);
        r.Category.ShouldBe(FeedbackCategories.Cost);
        r.RiskLevel.ShouldBe(RiskLevels.Low);
    }

    [Fact]
    public void Risk_levels_are_ranked()
    {
        RiskLevels.All.Select(RiskLevels.Rank).ShouldBe([0, 1, 2]);
        Should.Throw<ArgumentException>(() => RiskLevels.Rank("urgent"));
    }

    [Theory]
    [InlineData("护士说话很冲，一点耐心都没有")]
    [InlineData("医生一点都不细心，问两句就烦")]
    public void Praise_words_that_are_denied_do_not_make_a_complaint_praise(string text) =>
        TriageModel.Default.Classify(text).Type.ShouldBe(FeedbackTypes.Complaint);
}
