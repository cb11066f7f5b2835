using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Infrastructure;
using static TrustBridge.Web.Tests.Imports.ImportClient;

namespace TrustBridge.Web.Tests.Imports;

public class FhirImportTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    private static string Bundle(string p, string extraEntries = "") => $$"""
        {
          "resourceType": "Bundle", "type": "transaction",
          "entry": [
            { "fullUrl": "urn:uuid:{{p}}-org0", "resource": { "resourceType": "Organization", "id": "{{p}}o0",
                "identifier": [{ "system": "urn:hospital:dept", "value": "{{p}}-D0" }], "name": "内科" } },
            { "fullUrl": "urn:uuid:{{p}}-org1", "resource": { "resourceType": "Organization", "id": "{{p}}o1",
                "identifier": [{ "value": "{{p}}-D1" }], "name": "心血管内科", "partOf": { "reference": "urn:uuid:{{p}}-org0" } } },
            { "resource": { "resourceType": "Practitioner", "id": "{{p}}pr1",
                "identifier": [{ "value": "{{p}}-S1" }], "name": [{ "family": "张", "given": ["三丰"] }],
                "qualification": [{ "identifier": [{ "value": "LIC-{{p}}" }], "code": { "text": "主任医师" } }] } },
            { "resource": { "resourceType": "PractitionerRole", "id": "{{p}}role1",
                "practitioner": { "reference": "Practitioner/{{p}}pr1" }, "organization": { "reference": "Organization/{{p}}o1" },
                "specialty": [{ "text": "冠心病" }] } },
            { "fullUrl": "urn:uuid:{{p}}-pat1", "resource": { "resourceType": "Patient", "id": "{{p}}pa1",
                "identifier": [
                  { "system": "urn:oid:2.16.156.10011.1.3", "value": "11010519491231002X" },
                  { "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR" }] }, "value": "{{p}}-M1" } ],
                "name": [{ "text": "李四" }], "gender": "male", "birthDate": "1950-05-01",
                "telecom": [{ "system": "phone", "use": "home", "value": "010-12345678" }, { "system": "phone", "use": "mobile", "value": "13812341234" }],
                "deceasedBoolean": true } },
            { "resource": { "resourceType": "Encounter", "id": "{{p}}en1",
                "identifier": [{ "value": "{{p}}-E1" }], "status": "finished",
                "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP" },
                "subject": { "reference": "urn:uuid:{{p}}-pat1" }, "serviceProvider": { "reference": "Organization/{{p}}o1" },
                "participant": [{ "individual": { "reference": "Practitioner/{{p}}pr1" } }],
                "period": { "start": "2026-03-01T08:00:00+08:00", "end": "2026-03-05T10:00:00+08:00" },
                "hospitalization": { "dischargeDisposition": { "coding": [{ "code": "exp" }] } } } },
            { "resource": { "resourceType": "Encounter", "id": "{{p}}en2",
                "identifier": [{ "value": "{{p}}-E2" }], "class": { "code": "AMB" },
                "subject": { "identifier": { "value": "{{p}}-M1" } }, "serviceProvider": { "reference": "urn:uuid:{{p}}-org0" },
                "period": { "start": "2026-02-01T09:30:00+08:00" } } },
            { "resource": { "resourceType": "Observation", "id": "{{p}}obs1", "status": "final" } }{{extraEntries}}
          ]
        }
        """;

    [Fact]
    public async Task A_bundle_of_every_resource_type_fills_the_registry_and_counts_what_it_skipped()
    {
        var admin = await app.AdminClientAsync();
        var report = await admin.ImportAsync("fhir", Csv(Bundle("FA"), "application/fhir+json"));
        report.Errors.ShouldBeEmpty();
        report.Inserted.ShouldBe(6);
        report.Skipped!["Observation"].ShouldBe(1);
        report.Resources!["Encounter"].Inserted.ShouldBe(2);

        var staff = await app.QueryAsync(db => db.Staff.Include(s => s.Department).SingleAsync(s => s.Code == "FA-S1"));
        staff.Name.ShouldBe("张三丰");
        staff.LicenceNumber.ShouldBe("LIC-FA");
        staff.Title.ShouldBe("主任医师");
        staff.Department!.Code.ShouldBe("FA-D1");
        var child = await app.QueryAsync(db => db.Departments.Include(d => d.Parent).SingleAsync(d => d.Code == "FA-D1"));
        child.Parent!.Code.ShouldBe("FA-D0");
        var patient = await app.QueryAsync(db => db.Patients.SingleAsync(p => p.Mrn == "FA-M1"));
        patient.Name.ShouldBe("李四");
        patient.MobileMasked.ShouldBe("138****1234");
        patient.IdNumberMasked.ShouldBe("110***********002X");
        patient.DeceasedOn.ShouldBe(new DateOnly(2026, 3, 5)); // deceasedBoolean: the day of the died encounter
        var e1 = await app.QueryAsync(db => db.Encounters.Include(e => e.AttendingStaff).SingleAsync(e => e.HisId == "FA-E1"));
        e1.Type.ShouldBe(EncounterTypes.Inpatient);
        e1.DischargeDisposition.ShouldBe(DischargeDispositions.Died);
        e1.AttendingStaff!.Code.ShouldBe("FA-S1");
        e1.StartedAt.ShouldBe(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var e2 = await app.QueryAsync(db => db.Encounters.Include(e => e.Patient).SingleAsync(e => e.HisId == "FA-E2"));
        e2.Type.ShouldBe(EncounterTypes.Outpatient);
        e2.Patient!.Mrn.ShouldBe("FA-M1");

        var again = await admin.ImportAsync("fhir", Csv(Bundle("FA"), "application/json"));
        again.Inserted.ShouldBe(0);
        again.Updated.ShouldBe(0);
        again.Unchanged.ShouldBe(6);
    }

    [Fact]
    public async Task A_bundle_keeps_what_fhir_does_not_carry_the_department_kind_and_the_doctors_biography()
    {
        var admin = await app.AdminClientAsync();
        await admin.ImportAsync("departments", Csv("code,name,kind\nFK-D0,内科,admin\n"));
        await admin.ImportAsync("staff", Csv("code,name,bio\nFK-S1,张三丰,太极名家\n"));
        var report = await admin.ImportAsync("fhir", Csv(Bundle("FK"), "application/fhir+json"));
        report.Resources!["Organization"].ShouldBe(new Counts(1, 0, 1, 0)); // FK-D1 new; FK-D0 same name, kind kept
        (await app.QueryAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Code == "FK-D0"))).Kind.ShouldBe(DepartmentKinds.Admin);
        var staff = await app.QueryAsync(db => db.Staff.AsNoTracking().SingleAsync(x => x.Code == "FK-S1"));
        (staff.Bio, staff.LicenceNumber).ShouldBe(("太极名家", "LIC-FK"));
    }

    [Fact]
    public async Task An_unresolvable_reference_rejects_that_entry_with_its_index_and_id()
    {
        var admin = await app.AdminClientAsync();
        var bad = """
            ,
            { "resource": { "resourceType": "Encounter", "id": "UNRbad", "identifier": [{ "value": "UNR-E9" }], "class": { "code": "EMER" },
                "subject": { "reference": "Patient/nobody" }, "serviceProvider": { "reference": "Organization/UNRo1" },
                "period": { "start": "2026-03-01T08:00:00+08:00" } } }
            """;
        var report = await admin.ImportAsync("fhir", Csv(Bundle("UNR", bad), "application/fhir+json"));
        report.Rejected.ShouldBe(1);
        var error = report.Errors.ShouldHaveSingleItem();
        error.Entry.ShouldBe(8);
        error.ResourceId.ShouldBe("Encounter/UNRbad");
        error.Column.ShouldBe("subject");
        error.Value.ShouldBe("Patient/nobody");
        report.Inserted.ShouldBe(6);
        (await app.QueryAsync(db => db.Encounters.CountAsync(e => e.HisId == "UNR-E9"))).ShouldBe(0);
    }

    private static string IdOnlyBundle(string source) => $$"""
        {
          "resourceType": "Bundle", "type": "collection", "meta": { "source": "{{source}}" },
          "entry": [
            { "resource": { "resourceType": "Organization", "id": "o1", "name": "骨科" } },
            { "resource": { "resourceType": "Patient", "id": "p1", "name": [{ "text": "王五" }] } },
            { "resource": { "resourceType": "Encounter", "id": "e1", "status": "finished", "class": { "code": "AMB" },
                "subject": { "reference": "Patient/p1" }, "serviceProvider": { "reference": "Organization/o1" },
                "period": { "start": "2026-02-01T09:30:00+08:00" } } },
            { "resource": { "resourceType": "Encounter", "id": "e2", "class": { "code": "IMP" },
                "subject": { "reference": "Patient/p1" }, "serviceProvider": { "reference": "Organization/o1" },
                "period": { "start": "2026-02-03T09:30:00+08:00", "end": "2026-02-09T10:00:00+08:00" } } }
          ]
        }
        """;

    [Fact]
    public async Task Resources_without_identifiers_are_keyed_by_id_within_their_source_and_reimport_unchanged()
    {
        var admin = await app.AdminClientAsync();
        var first = await admin.ImportAsync("fhir", Csv(IdOnlyBundle("http://his-a.example/IDK"), "application/fhir+json"));
        first.Errors.ShouldBeEmpty();
        first.Resources!["Encounter"].ShouldBe(new Counts(2, 0, 0, 0));
        var again = await admin.ImportAsync("fhir", Csv(IdOnlyBundle("http://his-a.example/IDK"), "application/fhir+json"));
        (again.Inserted, again.Updated, again.Unchanged).ShouldBe((0, 0, 4));
        // The same ids from another system are other records, never the first system's.
        var other = await admin.ImportAsync("fhir", Csv(IdOnlyBundle("ignored"), "application/fhir+json"), "?source=http://his-b.example/IDK");
        other.Inserted.ShouldBe(4);
        var keys = await app.QueryAsync(db => db.Encounters.Where(e => e.Patient!.Name == "王五").Select(e => e.HisId).ToListAsync());
        keys.Count.ShouldBe(4);
        keys.ShouldAllBe(k => k.EndsWith(":e1") || k.EndsWith(":e2"));
        keys.Distinct().Count().ShouldBe(4);

        // No identifier and no source: each entry says what is missing.
        var unsourced = await admin.ImportAsync("fhir", Csv(IdOnlyBundle("").Replace("\"meta\": { \"source\": \"\" },", ""), "application/fhir+json"));
        unsourced.Rejected.ShouldBe(4);
        unsourced.Errors.ShouldContain(e => e.Entry == 2 && e.ResourceId == "Encounter/e1" && e.Column == "identifier");
    }

    [Fact]
    public async Task What_the_sdk_parser_finds_wrong_rejects_that_entry_and_unknown_resource_types_are_skipped()
    {
        var admin = await app.AdminClientAsync();
        var report = await admin.ImportAsync("fhir", Csv("""
            { "resourceType": "Bundle", "type": "batch", "entry": [
              { "resource": { "resourceType": "Patient", "id": "px", "identifier": [{ "value": "SDK-M1" }], "name": [{ "text": "赵六" }], "gender": "weird" } },
              { "resource": { "resourceType": "Nonsense", "id": "n1" } },
              { "resource": { "resourceType": "Patient", "id": "py", "identifier": [{ "value": "SDK-M2" }], "name": [{ "text": "钱七" }] } } ] }
            """, "application/fhir+json"));
        report.Inserted.ShouldBe(1);
        report.Skipped!["Nonsense"].ShouldBe(1);
        var error = report.Errors.ShouldHaveSingleItem();
        (error.Entry, error.ResourceId).ShouldBe((0, "Patient/px"));
        error.Message.ShouldContain("gender");
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // invalid UTF-8 in a string
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30 })] // "\ud800", a lone surrogate
    public async Task Text_that_is_not_unicode_is_a_400_not_a_500(byte[] inName)
    {
        var admin = await app.AdminClientAsync();
        byte[] body = [.. "{ \"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [ { \"resource\": { \"resourceType\": \"Organization\", \"id\": \"x\", \"name\": \""u8, .. inName, .. "\" } } ] }"u8];
        var resp = await admin.PostAsync("/api/fhir/import?source=s", Bytes(body, "application/fhir+json"));
        ((int)resp.StatusCode).ShouldBe(400);
    }

    [Theory]
    [InlineData("{ \"resourceType\": \"Bundle\", \"entry\": [ ", 400)]
    [InlineData("{ \"resourceType\": \"Patient\" }", 422)]
    [InlineData("{ \"resourceType\": \"Bundle\", \"type\": \"searchset\" }", 422)]
    public async Task A_body_that_is_not_a_usable_bundle_is_a_problem(string json, int status)
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsync("/api/fhir/import", Csv(json, "application/fhir+json"));
        ((int)resp.StatusCode).ShouldBe(status);
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_csv_content_type_on_the_fhir_endpoint_is_415()
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsync("/api/fhir/import", Csv(Bundle("CT"), "text/csv"));
        resp.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }
}
