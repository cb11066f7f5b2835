using TrustBridge.Core.Privacy;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using F = Hl7.Fhir.Model;
using static TrustBridge.Web.Features.Imports.FhirBundle;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Maps the resources of one bundle (Firely POCOs) to registry rows; an entry that cannot be mapped, or that the
/// SDK's parser found fault with, is rejected with its reasons.
/// </summary>
public sealed class FhirRegistryMapping(FhirBundle bundle, ImportTally tally, HospitalClock clock)
{
    private const int DepartmentKey = 32, StaffKey = 32, PatientKey = 32, EncounterKey = 64;

    public IEnumerable<DepartmentRow> Departments()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Organization"))
        {
            var o = (F.Organization)e.Resource;
            var problems = Parsed(e);
            var code = Key(e, seen, problems, DepartmentKey);
            var name = Fit(e, "name", NullIfBlank(o.Name), 100, problems);
            if (name is null && problems.All(p => p.Column != "name")) problems.Add(e.Origin.Error("name", null, "Organization.name is required."));
            var parent = Ref(e, o.PartOf, "partOf", "Organization", DepartmentKey, problems);
            if (parent is not null && parent == code) problems.Add(e.Origin.Error("partOf", parent, "An organization cannot be part of itself."));
            if (Reject("Organization", problems)) continue;
            yield return new DepartmentRow(e.Origin, code!, name!, DepartmentKinds.Clinical, parent, o.Active ?? true);
        }
    }

    public IEnumerable<(StaffRow Row, bool HasRole)> Staff()
    {
        var roles = PractitionerRoles();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Practitioner"))
        {
            var pr = (F.Practitioner)e.Resource;
            var problems = Parsed(e);
            var code = Key(e, seen, problems, StaffKey);
            var name = Fit(e, "name", Name(pr.Name), 64, problems);
            if (name is null && problems.All(p => p.Column != "name")) problems.Add(e.Origin.Error("name", null, "Practitioner.name is required."));
            var qualification = pr.Qualification.FirstOrDefault();
            var licence = Fit(e, "qualification.identifier", qualification?.Identifier.Select(i => NullIfBlank(i.Value)).FirstOrDefault(v => v is not null), 32, problems);
            var title = Fit(e, "qualification.code", NullIfBlank(qualification?.Code?.Text), 32, problems);
            if (Reject("Practitioner", problems)) continue;
            var hasRole = roles.TryGetValue(code!, out var role);
            yield return (new StaffRow(e.Origin, code!, name!, title, role.Department, licence, role.Specialties, null, pr.Active ?? true), hasRole);
        }
    }

    public IEnumerable<PatientRow> Patients()
    {
        var diedOn = DeathsFromEncounters();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Patient"))
        {
            var p = (F.Patient)e.Resource;
            var problems = Parsed(e);
            var mrn = Key(e, seen, problems, PatientKey);
            var name = Fit(e, "name", Name(p.Name), 64, problems);
            if (name is null && problems.All(x => x.Column != "name")) problems.Add(e.Origin.Error("name", null, "Patient.name is required."));
            var gender = p.GenderElement?.JsonValue is string g ? HisValues.Gender(g) ?? Genders.Unknown : Genders.Unknown;
            DateOnly? birth = null;
            if (NullIfBlank(p.BirthDate) is { } b)
            {
                if (HisValues.TryDate(b, out var d)) birth = d;
                else problems.Add(e.Origin.Error("birthDate", b, "birthDate is not a full, real date (yyyy-MM-dd)."));
            }
            var rawMobile = Mobile(p);
            var mobile = ChineseMobile.Normalize(rawMobile);
            if (rawMobile is not null && mobile is null) problems.Add(e.Origin.Error("telecom", rawMobile, "Not a valid mainland China mobile number."));
            var rawId = p.Identifier.Where(IsNationalId).Select(i => NullIfBlank(i.Value)).FirstOrDefault(v => v is not null);
            var idNumber = ChineseIdNumber.Normalize(rawId);
            if (rawId is not null && idNumber is null) problems.Add(e.Origin.Error("identifier", rawId, "Not a valid resident identity number."));
            DateOnly? deceased = null;
            if (p.Deceased is F.FhirDateTime { Value: var ddText } && NullIfBlank(ddText) is { } dd)
            {
                if (Time(dd) is { } t) deceased = clock.LocalDate(t);
                else problems.Add(e.Origin.Error("deceasedDateTime", dd, "deceasedDateTime is not a real date."));
            }
            else if (p.Deceased is F.FhirBoolean { Value: true })
                deceased = mrn is not null && diedOn.TryGetValue(mrn, out var died) ? died : clock.Today;
            if (Reject("Patient", problems)) continue;
            yield return new PatientRow(e.Origin, mrn!, name!, gender, birth, mobile, idNumber, deceased, null);
        }
    }

    public IEnumerable<EncounterRow> Encounters()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Encounter"))
        {
            var r = (F.Encounter)e.Resource;
            var problems = Parsed(e);
            var hisId = Key(e, seen, problems, EncounterKey);
            var classCode = NullIfBlank(r.Class?.Code);
            var type = classCode switch
            {
                "IMP" or "ACUTE" or "NONAC" or "PRENC" => EncounterTypes.Inpatient,
                "AMB" or "VR" or "HH" => EncounterTypes.Outpatient,
                "EMER" => EncounterTypes.Emergency,
                _ => null,
            };
            if (type is null) problems.Add(e.Origin.Error("class", classCode, "Encounter.class must be IMP, AMB or EMER."));
            var before = problems.Count;
            var mrn = Ref(e, r.Subject, "subject", "Patient", PatientKey, problems);
            if (mrn is null && problems.Count == before && type is not null) problems.Add(e.Origin.Error("subject", null, "Encounter.subject is required."));
            var department = Ref(e, r.ServiceProvider, "serviceProvider", "Organization", DepartmentKey, problems);
            if (department is null && !problems.Any(p => p.Column == "serviceProvider")) problems.Add(e.Origin.Error("serviceProvider", null, "Encounter.serviceProvider (the department) is required."));
            var staff = Attending(e, r, problems);
            var startText = NullIfBlank(r.Period?.Start);
            var started = startText is null ? null : Time(startText);
            if (started is null) problems.Add(e.Origin.Error("period.start", startText, "Encounter.period.start is required and must be a real date-time."));
            var endText = NullIfBlank(r.Period?.End);
            var ended = endText is null ? null : Time(endText);
            if (endText is not null && ended is null) problems.Add(e.Origin.Error("period.end", endText, "Encounter.period.end is not a real date-time."));
            if (started is { } s && ended is { } en && en < s) problems.Add(e.Origin.Error("period.end", endText, "period.end is before period.start."));
            var disposition = Disposition(r.Hospitalization?.DischargeDisposition);
            if (Reject("Encounter", problems)) continue;
            yield return new EncounterRow(e.Origin, hisId!, mrn!, type!, department!, staff, started!.Value, ended, disposition);
        }
    }

    private Dictionary<string, (string? Department, string? Specialties)> PractitionerRoles()
    {
        var roles = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("PractitionerRole"))
        {
            var role = (F.PractitionerRole)e.Resource;
            var problems = Parsed(e);
            var practitioner = Ref(e, role.Practitioner, "practitioner", "Practitioner", StaffKey, problems);
            var department = Ref(e, role.Organization, "organization", "Organization", DepartmentKey, problems);
            if (practitioner is null && problems.Count == 0) problems.Add(e.Origin.Error("practitioner", null, "PractitionerRole.practitioner is required."));
            if (Reject("PractitionerRole", problems)) continue;
            var specialties = string.Join("、", role.Specialty.Select(c => NullIfBlank(c.Text) ?? c.Coding.Select(x => NullIfBlank(x.Display)).FirstOrDefault(d => d is not null)).OfType<string>());
            roles[practitioner!] = (department, specialties.Length is 0 or > 500 || specialties.Contains('\0') ? null : specialties);
        }
        return roles;
    }

    /// <summary>For deceasedBoolean without a date: the day of a died encounter in the bundle, if there is one.</summary>
    private Dictionary<string, DateOnly> DeathsFromEncounters()
    {
        var died = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Encounter"))
        {
            var r = (F.Encounter)e.Resource;
            if (Disposition(r.Hospitalization?.DischargeDisposition) != DischargeDispositions.Died) continue;
            if (!bundle.TryResolve(r.Subject, "Patient", PatientKey, out var mrn, out _) || mrn is null) continue;
            if (NullIfBlank(r.Period?.End) is { } end && Time(end) is { } t) died[mrn] = clock.LocalDate(t);
        }
        return died;
    }

    private string? Attending(Entry e, F.Encounter r, List<ImportRowError> problems)
    {
        var participants = r.Participant.Where(p => p.Individual is not null).ToList();
        var chosen = participants.FirstOrDefault(p => p.Type.Any(t => Codes(t).Any(c => c is "ATND" or "PPRF"))) ?? participants.FirstOrDefault();
        return chosen is null ? null : Ref(e, chosen.Individual, "participant.individual", "Practitioner", StaffKey, problems);
    }

    private static string? Disposition(F.CodeableConcept? concept)
    {
        foreach (var code in Codes(concept))
            switch (code)
            {
                case "home" or "alt-home": return DischargeDispositions.Home;
                case "exp": return DischargeDispositions.Died;
                case "aadvice": return DischargeDispositions.AgainstAdvice;
                case "other-hcf" or "hosp" or "long" or "psy" or "rehab" or "snf": return DischargeDispositions.Transfer;
                case "oth": return DischargeDispositions.Other;
            }
        return Codes(concept).Any() ? DischargeDispositions.Other : null;
    }

    /// <summary>HumanName: its text, else family and given names (joined without a space when written in Chinese).</summary>
    private static string? Name(List<F.HumanName> names)
    {
        var name = names.FirstOrDefault(n => n.Use is null or F.HumanName.NameUse.Official or F.HumanName.NameUse.Usual);
        if (name is null) return null;
        if (NullIfBlank(name.Text) is { } text) return text;
        var family = NullIfBlank(name.Family);
        var given = string.Join(" ", name.Given.Where(g => g is not null));
        if (family is null && given.Length == 0) return null;
        var chinese = (family + given).Any(c => c >= '\u3400' && c <= '\u9FFF');
        return chinese ? family + given.Replace(" ", "") : string.Join(" ", new[] { given, family }.Where(p => !string.IsNullOrEmpty(p)));
    }

    private static string? Mobile(F.Patient p)
    {
        var phones = p.Telecom.Where(t => t.System == F.ContactPoint.ContactPointSystem.Phone).ToList();
        var mobile = phones.FirstOrDefault(t => t.Use == F.ContactPoint.ContactPointUse.Mobile);
        if (mobile is not null) return NullIfBlank(mobile.Value);
        return phones.Select(t => NullIfBlank(t.Value)).FirstOrDefault(v => ChineseMobile.Normalize(v) is not null);
    }

    private DateTime? Time(string text)
    {
        if (HisValues.TryTime(text, clock, out var utc)) return utc;
        return HisValues.TryDate(text, out var day) ? clock.StartOfDayUtc(day) : null;
    }

    /// <summary>The SDK parser's problems with this entry, as row errors.</summary>
    private List<ImportRowError> Parsed(Entry e) =>
        bundle.ParseProblems.TryGetValue(e.Index, out var list) ? list.Select(m => e.Origin.Error(null, null, m)).ToList() : [];

    private static string? Fit(Entry e, string element, string? value, int max, List<ImportRowError> problems)
    {
        if (value is not null && value.Contains('\0'))
        {
            problems.Add(e.Origin.Error(element, value.Replace('\0', ' '), $"{element} contains a NUL character."));
            return null;
        }
        if (value is null || value.Length <= max) return value;
        problems.Add(e.Origin.Error(element, value, $"{element} is longer than {max} characters."));
        return null;
    }

    private string? Key(Entry e, HashSet<string> seen, List<ImportRowError> problems, int max)
    {
        var key = Fit(e, "identifier", bundle.NaturalKey(e, max), max, problems);
        if (key is null && problems.Any(p => p.Column == "identifier")) return null;
        if (key is null) problems.Add(e.Origin.Error("identifier", null, $"{e.Type}.identifier is required (it is the key TrustBridge matches on), or an id with the bundle's meta.source (or ?source=)."));
        else if (!seen.Add(key)) problems.Add(e.Origin.Error("identifier", key, $"Duplicate {e.Type} identifier {key} in the bundle."));
        return key;
    }

    private string? Ref(Entry e, F.ResourceReference? reference, string element, string type, int max, List<ImportRowError> problems)
    {
        if (bundle.TryResolve(reference, type, max, out var key, out var problem)) return key;
        problems.Add(e.Origin.Error(element, NullIfBlank(reference?.Reference), problem ?? "Unresolvable reference."));
        return null;
    }

    private bool Reject(string type, List<ImportRowError> problems)
    {
        if (problems.Count == 0) return false;
        tally.Reject(type, problems);
        return true;
    }
}
