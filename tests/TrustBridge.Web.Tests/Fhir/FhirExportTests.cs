using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Tests.Infrastructure;
using static TrustBridge.Web.Tests.Imports.ImportClient;

namespace TrustBridge.Web.Tests.Fhir;

public class FhirExportTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task The_registry_exports_as_paged_searchsets_that_reimport_unchanged_and_each_page_is_audited()
    {
        var admin = await app.AdminClientAsync();
        var bundle = """
            { "resourceType": "Bundle", "type": "collection", "meta": { "source": "urn:his:FX" }, "entry": [
              { "resource": { "resourceType": "Organization", "id": "o1", "name": "FX 内科" } },
              { "resource": { "resourceType": "Practitioner", "id": "d1", "name": [{ "text": "FX 医生" }] } },
              { "resource": { "resourceType": "Patient", "id": "p1", "name": [{ "text": "FX 患者" }], "gender": "female", "birthDate": "1960-01-02" } },
              { "resource": { "resourceType": "Encounter", "id": "e1", "class": { "code": "IMP" }, "subject": { "reference": "Patient/p1" },
                  "serviceProvider": { "reference": "Organization/o1" }, "participant": [{ "individual": { "reference": "Practitioner/d1" } }], "period": { "start": "2026-02-03T09:30:00+08:00", "end": "2026-02-09T10:00:00+08:00" },
                  "hospitalization": { "dischargeDisposition": { "coding": [{ "code": "home" }] } } } },
              { "resource": { "resourceType": "Encounter", "id": "e2", "class": { "code": "AMB" }, "subject": { "reference": "Patient/p1" },
                  "serviceProvider": { "reference": "Organization/o1" }, "period": { "start": "2026-02-11T09:30:00+08:00" } } } ] }
            """;
        (await admin.ImportAsync("fhir", Csv(bundle, "application/fhir+json"))).Inserted.ShouldBe(5);

        var entries = new List<JsonNode>();
        foreach (var type in new[] { "Organization", "Practitioner", "Patient", "Encounter" })
        {
            string? url = $"/fhir/{type}?_count=1";
            var pages = 0;
            var total = -1;
            while (url is not null)
            {
                var resp = await admin.GetAsync(url);
                resp.StatusCode.ShouldBe(HttpStatusCode.OK);
                resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
                var page = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
                page["type"]!.GetValue<string>().ShouldBe("searchset");
                total = page["total"]!.GetValue<int>();
                entries.AddRange(page["entry"]!.AsArray().Select(e => JsonNode.Parse(e!["resource"]!.ToJsonString())!));
                url = page["link"]!.AsArray().FirstOrDefault(l => l!["relation"]!.GetValue<string>() == "next")?["url"]?.GetValue<string>() is { } next ? new Uri(next).PathAndQuery : null;
                pages++;
            }
            pages.ShouldBe(total); // one resource a page, a next link until the last
        }
        entries.Count(e => e["resourceType"]!.GetValue<string>() == "Encounter").ShouldBeGreaterThanOrEqualTo(2);
        var patients = JsonNode.Parse(await admin.GetStringAsync("/fhir/Patient?_count=1000"))!;
        var patient = patients["entry"]!.AsArray().Select(e => e!["resource"]!).Single(p => p["name"]![0]!["text"]!.GetValue<string>() == "FX 患者");
        patient["telecom"].ShouldBeNull(); // mobiles and identity numbers stay encrypted in TrustBridge
        (await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "patient.exported" && a.EntityType == "Patient"))).ShouldBeGreaterThan(0);

        var again = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject { ["resource"] = e }).ToArray()) };
        var report = await admin.ImportAsync("fhir", Csv(again.ToJsonString(), "application/fhir+json"));
        report.Errors.ShouldBeEmpty();
        (report.Inserted, report.Updated).ShouldBe((0, 0));
        report.Unchanged.ShouldBe(entries.Count);
    }

    [Fact]
    public async Task A_registry_imported_from_csv_exports_as_fhir_and_reimports_without_losing_departments_or_mobiles()
    {
        var admin = await app.AdminClientAsync();
        foreach (var (kind, csv) in Imports.CsvImportTests.RegistryFiles("FR"))
            (await admin.ImportAsync(kind, Csv(csv))).Rejected.ShouldBe(0);
        var before = await app.QueryAsync(db => db.Staff.AsNoTracking().Where(s => s.Code.StartsWith("FR-")).Select(s => new { s.Code, s.Title, s.DepartmentId, s.Specialties, s.LicenceNumber, s.UpdatedAt }).ToListAsync());
        var patientsBefore = await app.QueryAsync(db => db.Patients.AsNoTracking().Where(p => p.Mrn.StartsWith("FR-")).OrderBy(p => p.Mrn)
            .Select(p => new { p.Mrn, p.MobileEncrypted, p.MobileMasked, p.IdNumberEncrypted, p.IdNumberMasked, p.UpdatedAt }).ToListAsync());
        patientsBefore[0].MobileMasked.ShouldNotBeNull();

        var entries = new List<JsonNode>();
        foreach (var type in new[] { "Organization", "Practitioner", "PractitionerRole", "Patient", "Encounter" })
        {
            var page = JsonNode.Parse(await admin.GetStringAsync($"/fhir/{type}?_count=1000"))!;
            entries.AddRange((page["entry"]?.AsArray() ?? []).Select(e => JsonNode.Parse(e!["resource"]!.ToJsonString())!));
        }
        var role = entries.Single(e => e["resourceType"]!.GetValue<string>() == "PractitionerRole" && e["practitioner"]!["identifier"]!["value"]!.GetValue<string>() == "FR-S1");
        role["organization"]!["identifier"]!["value"]!.GetValue<string>().ShouldBe("FR-D1");
        role["specialty"]![0]!["text"]!.GetValue<string>().ShouldBe("冠心病");

        var again = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject { ["resource"] = e }).ToArray()) };
        var report = await admin.ImportAsync("fhir", Csv(again.ToJsonString(), "application/fhir+json"));
        report.Errors.ShouldBeEmpty();
        (report.Inserted, report.Updated).ShouldBe((0, 0));

        // The export carries no mobile or identity number, and a FHIR Patient without them keeps the stored ones;
        // a Practitioner keeps its department and specialties from its PractitionerRole (or, without one, the stored ones).
        (await app.QueryAsync(db => db.Staff.AsNoTracking().Where(s => s.Code.StartsWith("FR-")).Select(s => new { s.Code, s.Title, s.DepartmentId, s.Specialties, s.LicenceNumber, s.UpdatedAt }).ToListAsync()))
            .ShouldBe(before);
        (await app.QueryAsync(db => db.Patients.AsNoTracking().Where(p => p.Mrn.StartsWith("FR-")).OrderBy(p => p.Mrn)
            .Select(p => new { p.Mrn, p.MobileEncrypted, p.MobileMasked, p.IdNumberEncrypted, p.IdNumberMasked, p.UpdatedAt }).ToListAsync())).ShouldBe(patientsBefore);

        var withoutRoles = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray(entries
            .Where(e => e["resourceType"]!.GetValue<string>() == "Practitioner").Select(e => (JsonNode)new JsonObject { ["resource"] = JsonNode.Parse(e.ToJsonString()) }).ToArray()) };
        var practitionersOnly = await admin.ImportAsync("fhir", Csv(withoutRoles.ToJsonString(), "application/fhir+json"));
        (practitionersOnly.Inserted, practitionersOnly.Updated).ShouldBe((0, 0));
    }
}
