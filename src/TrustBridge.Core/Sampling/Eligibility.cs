namespace TrustBridge.Core.Sampling;

/// <summary>Why an encounter cannot be invited, in the order the rules are checked.</summary>
public enum ExclusionReason
{
    UnderEighteen,
    Deceased,
    NoMobile,
    OptedOut,
    RecentlyInvited,
    OutsideContactWindow,
}

/// <summary>What the eligibility rules need to know about one encounter and its patient.</summary>
public sealed record EncounterCandidate(
    long EncounterId, int PatientId, string DepartmentCode, bool Inpatient,
    DateOnly EncounterDate, DateOnly? BirthDate, bool DiedInEncounter, DateOnly? DeceasedOn,
    bool HasMobile, bool OptedOut, DateOnly? LastInvitedOn);

/// <summary>
/// Who may be invited to a survey wave (MEASUREMENT.md, "Sampling a survey wave"): aged ≥ 18 on the encounter date;
/// alive; has a mobile; not opted out; not invited in the previous 90 days; inpatients contacted 2 to 42 days after
/// discharge.
/// </summary>
public static class Eligibility
{
    public const int MinimumAge = 18;
    public const int QuietDays = 90;
    public const int ContactFromDays = 2;
    public const int ContactToDays = 42;

    public static ExclusionReason? Check(EncounterCandidate c, DateOnly contactDate)
    {
        if (c.BirthDate is not { } birth || AgeOn(birth, c.EncounterDate) < MinimumAge) return ExclusionReason.UnderEighteen;
        if (c.DiedInEncounter || c.DeceasedOn is not null) return ExclusionReason.Deceased;
        if (!c.HasMobile) return ExclusionReason.NoMobile;
        if (c.OptedOut) return ExclusionReason.OptedOut;
        if (c.LastInvitedOn is { } last && contactDate.DayNumber - last.DayNumber < QuietDays) return ExclusionReason.RecentlyInvited;
        if (c.Inpatient)
        {
            var days = contactDate.DayNumber - c.EncounterDate.DayNumber;
            if (days is < ContactFromDays or > ContactToDays) return ExclusionReason.OutsideContactWindow;
        }
        return null;
    }

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        if (day < birth.AddYears(age)) age--;
        return age;
    }

    /// <summary>
    /// Applies the rules and keeps one encounter per patient (the latest eligible one). Exclusions are counted per
    /// encounter under the first rule it fails.
    /// </summary>
    public static EligiblePopulation Apply(IEnumerable<EncounterCandidate> candidates, DateOnly contactDate)
    {
        var exclusions = new Dictionary<ExclusionReason, int>();
        var latest = new Dictionary<int, EncounterCandidate>();
        var duplicates = 0;
        foreach (var c in candidates)
        {
            if (Check(c, contactDate) is { } reason)
            {
                exclusions[reason] = exclusions.GetValueOrDefault(reason) + 1;
                continue;
            }
            if (latest.TryGetValue(c.PatientId, out var kept))
            {
                duplicates++;
                if (c.EncounterDate > kept.EncounterDate || (c.EncounterDate == kept.EncounterDate && c.EncounterId > kept.EncounterId))
                    latest[c.PatientId] = c;
            }
            else latest[c.PatientId] = c;
        }
        return new EligiblePopulation(latest.Values.OrderBy(c => c.EncounterId).ToList(), exclusions, duplicates);
    }
}

/// <summary>One eligible encounter per patient, and how many encounters each rule excluded.</summary>
public sealed record EligiblePopulation(
    IReadOnlyList<EncounterCandidate> Eligible, IReadOnlyDictionary<ExclusionReason, int> Exclusions, int EarlierEncountersOfSamePatient);
