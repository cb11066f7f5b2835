using System.Text.Json;
using TrustBridge.Core.Privacy;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Imports;

/// <summary>Maps the resources of one bundle to registry rows; an entry that cannot be mapped is rejected with its reason.</summary>
public sealed class FhirRegistryMapping(FhirBundle bundle, ImportTally tally, HospitalClock clock)
{
    public IEnumerable<DepartmentRow> Departments()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Organization"))
        {
            var problems = new List<ImportRowError>();
            var code = Key(e, seen, problems, 32);
            var name = Fit(e, "name", e.Resource.Str("name"), 100, problems);
            if (name is null && problems.All(p => p.Column != "name")) problems.Add(e.Origin.Error("name", null, "Organization.name is required."));
            var parent = Ref(e, "partOf", "Organization", problems);
            if (parent is not null && parent == code) problems.Add(e.Origin.Error("partOf", parent, "An organization cannot be part of itself."));
            if (Reject("Organization", problems)) continue;
            yield return new DepartmentRow(e.Origin, code!, name!, DepartmentKinds.Clinical, parent, e.Resource.Bool("active") ?? true);
        }
    }

    public IEnumerable<StaffRow> Staff()
    {
        var roles = PractitionerRoles();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Practitioner"))
        {
            var problems = new List<ImportRowError>();
            var code = Key(e, seen, problems, 32);
            var name = Fit(e, "name", e.Resource.Name(), 64, problems);
            if (name is null && problems.All(p => p.Column != "name")) problems.Add(e.Origin.Error("name", null, "Practitioner.name is required."));
            var qualification = e.Resource.Array("qualification").FirstOrDefault();
            var licence = Fit(e, "qualification.identifier", qualification.ValueKind == JsonValueKind.Object ? qualification.Array("identifier").Select(i => i.Str("value")).FirstOrDefault(v => v is not null) : null, 32, problems);
            var title = Fit(e, "qualification.code", qualification.ValueKind == JsonValueKind.Object ? qualification.Prop("code")?.Str("text") : null, 32, problems);
            if (Reject("Practitioner", problems)) continue;
            var role = code is not null && roles.TryGetValue(code, out var r) ? r : default;
            yield return new StaffRow(e.Origin, code!, name!, title, role.Department, licence, role.Specialties, null, e.Resource.Bool("active") ?? true);
        }
    }

    public IEnumerable<PatientRow> Patients()
    {
        var diedOn = DeathsFromEncounters();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("Patient"))
        {
            var p = e.Resource;
            var problems = new List<ImportRowError>();
            var mrn = Key(e, seen, problems, 32);
            var name = Fit(e, "name", p.Name(), 64, problems);
            if (name is null && problems.All(x => x.Column != "name")) problems.Add(e.Origin.Error("name", null, "Patient.name is required."));
            var gender = p.Str("gender") is { } g ? HisValues.Gender(g) ?? Genders.Unknown : Genders.Unknown;
            DateOnly? birth = null;
            if (p.Str("birthDate") is { } b)
            {
                if (HisValues.TryDate(b, out var d)) birth = d;
                else problems.Add(e.Origin.Error("birthDate", b, "birthDate is not a full, real date (yyyy-MM-dd)."));
            }
            var rawMobile = Mobile(p);
            var mobile = ChineseMobile.Normalize(rawMobile);
            if (rawMobile is not null && mobile is null) problems.Add(e.Origin.Error("telecom", rawMobile, "Not a valid mainland China mobile number."));
            var rawId = p.Array("identifier").Where(FhirBundle.IsNationalId).Select(i => i.Str("value")).FirstOrDefault(v => v is not null);
            var idNumber = ChineseIdNumber.Normalize(rawId);
            if (rawId is not null && idNumber is null) problems.Add(e.Origin.Error("identifier", rawId, "Not a valid resident identity number."));
            DateOnly? deceased = null;
            if (p.Str("deceasedDateTime") is { } dd)
            {
                if (Time(dd) is { } t) deceased = clock.LocalDate(t);
                else problems.Add(e.Origin.Error("deceasedDateTime", dd, "deceasedDateTime is not a real date."));
            }
            else if (p.Bool("deceasedBoolean") == true)
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
            var r = e.Resource;
            var problems = new List<ImportRowError>();
            var hisId = Key(e, seen, problems, 64);
            var classCode = ClassCode(r);
            var type = classCode switch
            {
                "IMP" or "ACUTE" or "NONAC" or "PRENC" => EncounterTypes.Inpatient,
                "AMB" or "VR" or "HH" => EncounterTypes.Outpatient,
                "EMER" => EncounterTypes.Emergency,
                _ => null,
            };
            if (type is null) problems.Add(e.Origin.Error("class", classCode, "Encounter.class must be IMP, AMB or EMER."));
            var mrn = Ref(e, "subject", "Patient", problems);
            if (mrn is null && problems.Count == 0) problems.Add(e.Origin.Error("subject", null, "Encounter.subject is required."));
            var department = Ref(e, "serviceProvider", "Organization", problems);
            if (department is null && !problems.Any(p => p.Column == "serviceProvider")) problems.Add(e.Origin.Error("serviceProvider", null, "Encounter.serviceProvider (the department) is required."));
            var staff = Attending(e, problems);
            var period = r.Prop("period");
            var startText = period?.Str("start");
            var started = startText is null ? null : Time(startText);
            if (started is null) problems.Add(e.Origin.Error("period.start", startText, "Encounter.period.start is required and must be a real date-time."));
            var endText = period?.Str("end");
            var ended = endText is null ? null : Time(endText);
            if (endText is not null && ended is null) problems.Add(e.Origin.Error("period.end", endText, "Encounter.period.end is not a real date-time."));
            if (started is { } s && ended is { } en && en < s) problems.Add(e.Origin.Error("period.end", endText, "period.end is before period.start."));
            var disposition = Disposition(r.Prop("hospitalization")?.Prop("dischargeDisposition"));
            if (Reject("Encounter", problems)) continue;
            yield return new EncounterRow(e.Origin, hisId!, mrn!, type!, department!, staff, started!.Value, ended, disposition);
        }
    }

    private Dictionary<string, (string? Department, string? Specialties)> PractitionerRoles()
    {
        var roles = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var e in bundle.OfType("PractitionerRole"))
        {
            var problems = new List<ImportRowError>();
            var practitioner = Ref(e, "practitioner", "Practitioner", problems);
            var department = Ref(e, "organization", "Organization", problems);
            if (practitioner is null && problems.Count == 0) problems.Add(e.Origin.Error("practitioner", null, "PractitionerRole.practitioner is required."));
            if (Reject("PractitionerRole", problems)) continue;
            var specialties = string.Join("、", e.Resource.Array("specialty").Select(c => c.Str("text") ?? c.Array("coding").Select(x => x.Str("display")).FirstOrDefault(d => d is not null)).OfType<string>());
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
            if (Disposition(e.Resource.Prop("hospitalization")?.Prop("dischargeDisposition")) != DischargeDispositions.Died) continue;
            if (!bundle.TryResolve(e.Resource.Prop("subject"), "Patient", out var mrn, out _) || mrn is null) continue;
            if (e.Resource.Prop("period")?.Str("end") is { } end && Time(end) is { } t) died[mrn] = clock.LocalDate(t);
        }
        return died;
    }

    private string? Attending(FhirBundle.Entry e, List<ImportRowError> problems)
    {
        var participants = e.Resource.Array("participant").Where(p => p.Prop("individual") is not null).ToList();
        var chosen = participants.FirstOrDefault(p => p.Array("type").Any(t => t.Prop("coding") is not null && ((JsonElement?)t).Codes().Any(c => c is "ATND" or "PPRF")));
        if (chosen.ValueKind != JsonValueKind.Object) chosen = participants.FirstOrDefault();
        return chosen.ValueKind == JsonValueKind.Object ? Ref(e, chosen.Prop("individual"), "participant.individual", "Practitioner", problems) : null;
    }

    private static string? ClassCode(JsonElement r) => r.Prop("class") switch
    {
        { ValueKind: JsonValueKind.Object } c => c.Str("code") ?? ((JsonElement?)c).Codes().FirstOrDefault(),
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().SelectMany(x => ((JsonElement?)x).Codes()).FirstOrDefault(),
        _ => null,
    };

    private static string? Disposition(JsonElement? concept)
    {
        foreach (var code in concept.Codes())
            switch (code)
            {
                case "home" or "alt-home": return DischargeDispositions.Home;
                case "exp": return DischargeDispositions.Died;
                case "aadvice": return DischargeDispositions.AgainstAdvice;
                case "other-hcf" or "hosp" or "long" or "psy" or "rehab" or "snf": return DischargeDispositions.Transfer;
                case "oth": return DischargeDispositions.Other;
            }
        return concept.Codes().Any() ? DischargeDispositions.Other : null;
    }

    private static string? Mobile(JsonElement p)
    {
        var phones = p.Array("telecom").Where(t => t.Str("system") == "phone").ToList();
        var mobile = phones.FirstOrDefault(t => t.Str("use") == "mobile");
        if (mobile.ValueKind == JsonValueKind.Object) return mobile.Str("value");
        return phones.Select(t => t.Str("value")).FirstOrDefault(v => ChineseMobile.Normalize(v) is not null);
    }

    private DateTime? Time(string text)
    {
        if (HisValues.TryTime(text, clock, out var utc)) return utc;
        return HisValues.TryDate(text, out var day) ? clock.StartOfDayUtc(day) : null;
    }

    private static string? Fit(FhirBundle.Entry e, string element, string? value, int max, List<ImportRowError> problems)
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

    private static string? Key(FhirBundle.Entry e, HashSet<string> seen, List<ImportRowError> problems, int max)
    {
        var key = Fit(e, "identifier", FhirBundle.NaturalKey(e), max, problems);
        if (key is null && problems.Any(p => p.Column == "identifier")) return null;
        if (key is null) problems.Add(e.Origin.Error("identifier", null, $"{e.Type}.identifier is required (it is the key TrustBridge matches on)."));
        else if (!seen.Add(key)) problems.Add(e.Origin.Error("identifier", key, $"Duplicate {e.Type} identifier {key} in the bundle."));
        return key;
    }

    private string? Ref(FhirBundle.Entry e, string element, string type, List<ImportRowError> problems) =>
        Ref(e, e.Resource.Prop(element), element, type, problems);

    private string? Ref(FhirBundle.Entry e, JsonElement? reference, string element, string type, List<ImportRowError> problems)
    {
        if (bundle.TryResolve(reference, type, out var key, out var problem)) return key;
        problems.Add(e.Origin.Error(element, reference?.Str("reference"), problem ?? "Unresolvable reference."));
        return null;
    }

    private bool Reject(string type, List<ImportRowError> problems)
    {
        if (problems.Count == 0) return false;
        tally.Reject(type, problems);
        return true;
    }
}
