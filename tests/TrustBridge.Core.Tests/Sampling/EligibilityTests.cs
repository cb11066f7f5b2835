using TrustBridge.Core.Sampling;

namespace TrustBridge.Core.Tests.Sampling;

public class EligibilityTests
{
    private static readonly DateOnly Contact = new(2026, 10, 20);

    private static EncounterCandidate Outpatient(int patient = 1, long id = 1, DateOnly? date = null) => new(
        id, patient, "0101", false, date ?? new DateOnly(2026, 10, 1), new DateOnly(1980, 5, 5), false, null, true, false, null);

    [Fact]
    public void An_ordinary_adult_outpatient_is_eligible() => Eligibility.Check(Outpatient(), Contact).ShouldBeNull();

    [Fact]
    public void Age_is_taken_on_the_encounter_date()
    {
        var turns18After = Outpatient() with { BirthDate = new DateOnly(2008, 10, 2) };
        Eligibility.Check(turns18After, Contact).ShouldBe(ExclusionReason.UnderEighteen);
        Eligibility.Check(turns18After with { BirthDate = new DateOnly(2008, 10, 1) }, Contact).ShouldBeNull();
        Eligibility.Check(Outpatient() with { BirthDate = null }, Contact).ShouldBe(ExclusionReason.UnderEighteen);
    }

    [Fact]
    public void The_deceased_the_unreachable_and_the_opted_out_are_excluded()
    {
        Eligibility.Check(Outpatient() with { DiedInEncounter = true }, Contact).ShouldBe(ExclusionReason.Deceased);
        Eligibility.Check(Outpatient() with { DeceasedOn = new DateOnly(2026, 10, 10) }, Contact).ShouldBe(ExclusionReason.Deceased);
        Eligibility.Check(Outpatient() with { HasMobile = false }, Contact).ShouldBe(ExclusionReason.NoMobile);
        Eligibility.Check(Outpatient() with { OptedOut = true }, Contact).ShouldBe(ExclusionReason.OptedOut);
    }

    [Fact]
    public void Anyone_invited_in_the_previous_90_days_rests()
    {
        Eligibility.Check(Outpatient() with { LastInvitedOn = Contact.AddDays(-89) }, Contact).ShouldBe(ExclusionReason.RecentlyInvited);
        Eligibility.Check(Outpatient() with { LastInvitedOn = Contact.AddDays(-90) }, Contact).ShouldBeNull();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(42, true)]
    [InlineData(43, false)]
    public void Inpatients_are_contacted_2_to_42_days_after_discharge(int daysAfter, bool eligible)
    {
        var c = Outpatient() with { Inpatient = true, EncounterDate = Contact.AddDays(-daysAfter) };
        (Eligibility.Check(c, Contact) is null).ShouldBe(eligible);
    }

    [Fact]
    public void One_invitation_per_patient_for_the_latest_eligible_encounter()
    {
        var population = Eligibility.Apply([
            Outpatient(patient: 7, id: 1, date: new DateOnly(2026, 9, 1)),
            Outpatient(patient: 7, id: 2, date: new DateOnly(2026, 10, 5)),
            Outpatient(patient: 8, id: 3) with { HasMobile = false },
        ], Contact);
        population.Eligible.Select(e => e.EncounterId).ShouldBe([2L]);
        population.Exclusions[ExclusionReason.NoMobile].ShouldBe(1);
        population.EarlierEncountersOfSamePatient.ShouldBe(1);
    }
}
