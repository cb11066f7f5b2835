using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// The registry as FHIR searchset bundles for a hospital's data platform: Organization (departments), Practitioner
/// (staff), Patient and Encounter, in id order, <c>_count</c> per page (default 100, at most 1000) with next links.
/// Keys are the identifiers the FHIR import matches on, so an export re-imports unchanged. Patients carry no mobile or
/// identity number (those stay encrypted in TrustBridge). Every page is audited.
/// </summary>
public sealed class ExportRegistryAsFhir(TrustDbContext db, HospitalClock clock, AuditLog audit)
{
    public const string DepartmentSystem = "urn:trustbridge:department", StaffSystem = "urn:trustbridge:staff",
        MrnSystem = "urn:trustbridge:mrn", HisSystem = "urn:trustbridge:encounter";

    public static readonly string[] Types = ["Organization", "Practitioner", "PractitionerRole", "Patient", "Encounter"];

    public async Task<F.Bundle> RunAsync(HttpRequest request, string type, int? count, int? page, CancellationToken ct)
    {
        var set = new FhirSearchset(request, count, page);
        var (skip, size) = (set.Skip, set.Count);
        var (total, resources) = type switch
        {
            "Organization" => (await db.Departments.CountAsync(ct), (await db.Departments.AsNoTracking().Include(d => d.Parent).OrderBy(d => d.Id).Skip(skip).Take(size).ToListAsync(ct)).Select(ToOrganization).ToList<F.Resource>()),
            "Practitioner" => (await db.Staff.CountAsync(ct), (await db.Staff.AsNoTracking().Include(s => s.Department).OrderBy(s => s.Id).Skip(skip).Take(size).ToListAsync(ct)).Select(ToPractitioner).ToList<F.Resource>()),
            // A staff member's department and specialties travel as a PractitionerRole (id = the staff id), which the
            // import reads back; a Practitioner alone says nothing of where a doctor works.
            "PractitionerRole" => (await db.Staff.CountAsync(s => s.DepartmentId != null || s.Specialties != null, ct), (await db.Staff.AsNoTracking().Include(s => s.Department)
                .Where(s => s.DepartmentId != null || s.Specialties != null).OrderBy(s => s.Id).Skip(skip).Take(size).ToListAsync(ct)).Select(ToPractitionerRole).ToList<F.Resource>()),
            "Patient" => (await db.Patients.CountAsync(ct), (await db.Patients.AsNoTracking().OrderBy(p => p.Id).Skip(skip).Take(size).ToListAsync(ct)).Select(ToPatient).ToList<F.Resource>()),
            _ => (await db.Encounters.CountAsync(ct), (await db.Encounters.AsNoTracking().Include(e => e.Patient).Include(e => e.Department).Include(e => e.AttendingStaff)
                .OrderBy(e => e.Id).Skip(skip).Take(size).ToListAsync(ct)).Select(ToEncounter).ToList<F.Resource>()),
        };
        var bundle = set.Bundle(total, resources, clock.UtcNow);
        await audit.RecordAsync(type == "Patient" ? AuditActions.PatientsExported : FhirAuditActions.Exported, type, null,
            new { format = "fhir", page = set.Page, count = size, returned = resources.Count, total }, ct);
        return bundle;
    }

    private static F.Meta Updated(DateTime utc) => new() { LastUpdated = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static F.Organization ToOrganization(Department d) => new()
    {
        Id = Id(d.Id), Meta = Updated(d.UpdatedAt),
        Identifier = [new F.Identifier(DepartmentSystem, d.Code)],
        Name = d.Name, Active = d.Active,
        PartOf = d.Parent is null ? null : new F.ResourceReference { Identifier = new F.Identifier(DepartmentSystem, d.Parent.Code) },
    };

    private static F.Practitioner ToPractitioner(Staff s) => new()
    {
        Id = Id(s.Id), Meta = Updated(s.UpdatedAt),
        Identifier = [new F.Identifier(StaffSystem, s.Code)],
        Active = s.Active,
        Name = [new F.HumanName { Text = s.Name }],
        Qualification = s.LicenceNumber is null && s.Title is null ? [] :
        [
            new F.Practitioner.QualificationComponent
            {
                Identifier = s.LicenceNumber is null ? [] : [new F.Identifier("urn:trustbridge:licence", s.LicenceNumber)],
                // qualification.code is required; without a title it says only "a licence", so no title is invented on re-import.
                Code = s.Title is null ? new F.CodeableConcept("urn:trustbridge:qualification", "licence", "执业证书", null) : new F.CodeableConcept { Text = s.Title },
            },
        ],
    };

    private static F.PractitionerRole ToPractitionerRole(Staff s) => new()
    {
        Id = Id(s.Id), Meta = Updated(s.UpdatedAt),
        Active = s.Active,
        Practitioner = new F.ResourceReference { Identifier = new F.Identifier(StaffSystem, s.Code) },
        Organization = s.Department is null ? null : new F.ResourceReference { Identifier = new F.Identifier(DepartmentSystem, s.Department.Code) },
        Specialty = s.Specialties is null ? [] : [new F.CodeableConcept { Text = s.Specialties }],
    };

    private static F.Patient ToPatient(Patient p) => new()
    {
        Id = Id(p.Id), Meta = Updated(p.UpdatedAt),
        Identifier = [new F.Identifier(MrnSystem, p.Mrn) { Type = new F.CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR") }],
        Name = [new F.HumanName { Text = p.Name }],
        Gender = p.Gender switch { Genders.Male => F.AdministrativeGender.Male, Genders.Female => F.AdministrativeGender.Female, _ => F.AdministrativeGender.Unknown },
        BirthDate = p.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Deceased = p.DeceasedOn is { } d ? new F.FhirDateTime(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
    };

    private F.Encounter ToEncounter(Encounter e) => new()
    {
        Id = Id(e.Id), Meta = Updated(e.UpdatedAt),
        Identifier = [new F.Identifier(HisSystem, e.HisId)],
        Status = e.EndedAt is null ? F.Encounter.EncounterStatus.InProgress : F.Encounter.EncounterStatus.Finished,
        Class = new F.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", e.Type switch
        {
            EncounterTypes.Inpatient => "IMP",
            EncounterTypes.Emergency => "EMER",
            _ => "AMB",
        }),
        Subject = new F.ResourceReference { Identifier = new F.Identifier(MrnSystem, e.Patient!.Mrn) },
        ServiceProvider = new F.ResourceReference { Identifier = new F.Identifier(DepartmentSystem, e.Department!.Code) },
        Participant = e.AttendingStaff is null ? [] :
            [new F.Encounter.ParticipantComponent { Individual = new F.ResourceReference { Identifier = new F.Identifier(StaffSystem, e.AttendingStaff.Code) } }],
        Period = new F.Period
        {
            Start = new F.FhirDateTime(clock.ToLocal(e.StartedAt)).Value,
            End = e.EndedAt is { } end ? new F.FhirDateTime(clock.ToLocal(end)).Value : null,
        },
        Hospitalization = e.DischargeDisposition is null ? null : new F.Encounter.HospitalizationComponent
        {
            DischargeDisposition = new F.CodeableConcept("http://terminology.hl7.org/CodeSystem/discharge-disposition", e.DischargeDisposition switch
            {
                DischargeDispositions.Home => "home",
                DischargeDispositions.Died => "exp",
                DischargeDispositions.AgainstAdvice => "aadvice",
                DischargeDispositions.Transfer => "other-hcf",
                _ => "oth",
            }),
        },
    };
}
