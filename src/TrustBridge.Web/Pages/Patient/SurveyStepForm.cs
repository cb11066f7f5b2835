using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>One step of a survey as a plain HTML form, shared by the invitation link and the QR poster.</summary>
public sealed class SurveyStepForm
{
    public const string FieldPrefix = "q_";

    public required Instrument Instrument { get; init; }
    public required IReadOnlyList<SurveyStep> Steps { get; init; }
    public required int Step { get; init; }
    public required IReadOnlyDictionary<string, string> Answers { get; init; }
    /// <summary>Item code (or "answers") → the Chinese message the page shows (translated).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    public required string DepartmentName { get; init; }
    public required DateOnly VisitDate { get; init; }
    /// <summary>The QR survey keeps no draft on the server: answers of the other steps travel as hidden fields.</summary>
    public bool CarryOtherAnswers { get; init; }
    public string? OptOutHref { get; init; }

    public SurveyStep Current => Steps[Step];
    public bool IsFirst => Step == 0;
    public bool IsLast => Step == Steps.Count - 1;

    public static string Field(InstrumentItem item) => FieldPrefix + item.Code;

    public string? Answer(InstrumentItem item) => Answers.TryGetValue(item.Code, out var v) ? v : null;

    /// <summary>The answers the form carries for these items; unanswered items are left out.</summary>
    public static Dictionary<string, string> Read(IFormCollection form, IEnumerable<InstrumentItem> items)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
            if (form.TryGetValue(Field(item), out var value) && value.ToString() is { } s && !string.IsNullOrWhiteSpace(s))
                answers[item.Code] = s.Trim();
        return answers;
    }

    /// <summary>Checks answers with the scoring rules; returns the Chinese message per item code.</summary>
    public static Dictionary<string, string> Check(Instrument instrument, IReadOnlyDictionary<string, string> answers)
    {
        var (_, errors) = ResponseScoring.Score(instrument, answers.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
        return errors.ToDictionary(kv => kv.Key, kv => MessageFor(instrument, kv.Key));
    }

    /// <summary>Translates the scoring's errors (written for the API) into what a patient reads.</summary>
    public static Dictionary<string, string> Messages(Instrument instrument, Dictionary<string, string[]> errors) =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Key == "answers" ? "请至少回答一个问题后再提交。" : MessageFor(instrument, kv.Key));

    private static string MessageFor(Instrument instrument, string code) =>
        instrument.Items.FirstOrDefault(i => i.Code == code)?.Scale == ItemScales.Text ? "意见最多 4000 字。" : "请从给出的选项中选择。";

    public static string[] Likert5Labels { get; } = ["完全不同意", "不同意", "一般", "同意", "完全同意"];

    /// <summary>What the ends of a 0–10 scale mean.</summary>
    public static (string Low, string High) Ends(string scale) => scale == ItemScales.Nps11
        ? ("0 = 完全不可能", "10 = 非常可能")
        : ("0 = 非常不满意", "10 = 非常满意");
}
