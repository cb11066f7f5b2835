namespace TrustBridge.Core.FollowUps;

/// <summary>Where an encounter came from, as a follow-up plan names it.</summary>
public static class FollowUpSources
{
    public const string Discharge = "discharge";
    public const string Outpatient = "outpatient";
    public const string DaySurgery = "day-surgery";
    public static readonly string[] All = [Discharge, Outpatient, DaySurgery];
}

/// <summary>What a plan asks of an encounter (FOLLOWUP.md "Typical plan practice"); empty lists match everything.</summary>
public sealed record PlanCriteria(string Source, IReadOnlyCollection<string> DepartmentCodes, IReadOnlyCollection<string> DiagnosisPrefixes, int? MinAge, int? MaxAge);

/// <summary>The facts of one encounter the plan is matched against.</summary>
public sealed record EncounterFacts(string Source, string DepartmentCode, string? DiagnosisCode, int? Age, bool DiedInHospital);

public static class PlanMatching
{
    /// <summary>
    /// True when the plan follows this encounter up. A patient who died in hospital is never called; a plan with
    /// diagnosis prefixes needs a diagnosis code (ICD-10, compared without dots and case); an age band needs an age.
    /// </summary>
    public static bool Matches(PlanCriteria plan, EncounterFacts e)
    {
        if (e.DiedInHospital || plan.Source != e.Source) return false;
        if (plan.DepartmentCodes.Count > 0 && !plan.DepartmentCodes.Contains(e.DepartmentCode, StringComparer.OrdinalIgnoreCase)) return false;
        if (plan.DiagnosisPrefixes.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(e.DiagnosisCode)) return false;
            var code = Icd(e.DiagnosisCode);
            if (!plan.DiagnosisPrefixes.Any(p => code.StartsWith(Icd(p), StringComparison.Ordinal))) return false;
        }
        if (plan.MinAge is not null || plan.MaxAge is not null)
        {
            if (e.Age is not { } age) return false;
            if (age < (plan.MinAge ?? 0) || age > (plan.MaxAge ?? int.MaxValue)) return false;
        }
        return true;
    }

    private static string Icd(string code) => code.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}

public static class TimePoints
{
    /// <summary>The due day of each time point: T+n counts calendar days from the day the encounter ended (discharge day = T+0).</summary>
    public static IReadOnlyList<(int Days, DateOnly Due)> DueDates(DateOnly ended, IEnumerable<int> days) =>
        [.. days.Distinct().Order().Select(d => (d, ended.AddDays(d)))];

    /// <summary>Within the plan's window: the time point ± tolerance days (FOLLOWUP.md: ± 2, a setting).</summary>
    public static bool OnTime(DateOnly due, DateOnly completed, int toleranceDays = 2) => Math.Abs(completed.DayNumber - due.DayNumber) <= toleranceDays;
}

/// <summary>The outcomes of one call (one tap each).</summary>
public static class CallOutcomes
{
    public const string Reached = "reached";
    public const string NoAnswer = "no-answer";
    public const string Busy = "busy";
    public const string WrongNumber = "wrong-number";
    public const string Refused = "refused";
    public const string Deceased = "deceased";
    public const string Readmitted = "readmitted";
    public static readonly string[] All = [Reached, NoAnswer, Busy, WrongNumber, Refused, Deceased, Readmitted];
    /// <summary>Outcomes that may be retried; the others close the task at once.</summary>
    public static readonly string[] Retry = [NoAnswer, Busy];
}

public static class FollowUpTaskStatuses
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Unreachable = "unreachable";
    public const string Refused = "refused";
    public const string Stopped = "stopped";
    public static readonly string[] All = [Open, Completed, Unreachable, Refused, Stopped];
}

/// <summary>A call window in hospital-local time (09:00–11:30 and 14:30–17:30 by default, a setting).</summary>
public sealed record CallWindow(TimeOnly From, TimeOnly To)
{
    public static readonly CallWindow[] Default = [new(new TimeOnly(9, 0), new TimeOnly(11, 30)), new(new TimeOnly(14, 30), new TimeOnly(17, 30))];
    public bool Contains(TimeOnly t) => t >= From && t <= To;
}

public static class Attempts
{
    public const int DefaultMax = 3;

    /// <summary>
    /// The task's status after an attempt. Reached and deceased (someone answered and told us) complete it; refused
    /// closes it; wrong number ends it as unreachable; readmitted stops it (the new stay gets its own follow-up);
    /// no answer and busy leave it open until the last allowed attempt, then unreachable.
    /// </summary>
    public static string StatusAfter(string outcome, int attemptNumber, int max = DefaultMax) => outcome switch
    {
        CallOutcomes.Reached or CallOutcomes.Deceased => FollowUpTaskStatuses.Completed,
        CallOutcomes.Refused => FollowUpTaskStatuses.Refused,
        CallOutcomes.WrongNumber => FollowUpTaskStatuses.Unreachable,
        CallOutcomes.Readmitted => FollowUpTaskStatuses.Stopped,
        CallOutcomes.NoAnswer or CallOutcomes.Busy => attemptNumber >= max ? FollowUpTaskStatuses.Unreachable : FollowUpTaskStatuses.Open,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>Retries count only inside a call window; a call outside every window is still recorded but flagged.</summary>
    public static bool InWindow(TimeOnly localTime, IEnumerable<CallWindow> windows) => windows.Any(w => w.Contains(localTime));
}

/// <summary>One discharge (stay) as the indicator sees it.</summary>
/// <param name="DiedInHospital">Excluded from numerator and denominator.</param>
/// <param name="ReachedCalls">Calls with outcome reached or deceased (a relative told us): completed follow-ups.</param>
/// <param name="SmsAnswered">An answered SMS questionnaire.</param>
/// <param name="Attempts">Calls made, whatever their outcome.</param>
/// <param name="FirstCompletedOnTime">The first completed follow-up fell in its plan window.</param>
public sealed record StayFollowUp(bool DiedInHospital, int ReachedCalls, bool SmsAnswered, int Attempts, bool FirstCompletedOnTime = false)
{
    public bool Completed => ReachedCalls > 0 || SmsAnswered;
}

public sealed record FollowUpIndicator(int Discharges, int FollowedUp, decimal? Ratio, int Attempted, int Reached, decimal? ReachRate, int OnTime, decimal? OnTimeRate);

public static class FollowUpIndicators
{
    /// <summary>
    /// 出院患者随访比例 (national indicator 21, FOLLOWUP.md): stays with ≥ 1 completed follow-up ÷ discharges, in per cent
    /// rounded to 2 places; several follow-ups of one stay count once; deaths in hospital are out of both counts.
    /// Reach rate = stays reached by a call ÷ stays with ≥ 1 attempt; on-time = first completion in window ÷ completed.
    /// </summary>
    public static FollowUpIndicator Compute(IEnumerable<StayFollowUp> stays)
    {
        var eligible = stays.Where(s => !s.DiedInHospital).ToList();
        var followed = eligible.Count(s => s.Completed);
        var attempted = eligible.Count(s => s.Attempts > 0);
        var reached = eligible.Count(s => s.Attempts > 0 && s.ReachedCalls > 0);
        var onTime = eligible.Count(s => s.Completed && s.FirstCompletedOnTime);
        return new FollowUpIndicator(eligible.Count, followed, Percent(followed, eligible.Count), attempted, reached, Percent(reached, attempted), onTime, Percent(onTime, followed));
    }

    public static decimal? Percent(int numerator, int denominator) =>
        denominator == 0 ? null : Math.Round(100m * numerator / denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>Alert rate: completed calls that raised a symptom alert ÷ completed calls.</summary>
    public static decimal? AlertRate(int alerts, int completed) => Percent(alerts, completed);
}

/// <summary>The SURE test (Légaré et al. 2010): four yes/no items, yes = 1; a score ≤ 3 flags decisional conflict.</summary>
public sealed record SureTest(bool Sure, bool Understand, bool RiskBenefitClear, bool Encouragement)
{
    public int Score => (Sure ? 1 : 0) + (Understand ? 1 : 0) + (RiskBenefitClear ? 1 : 0) + (Encouragement ? 1 : 0);
    public bool Conflict => Score <= 3;
}
