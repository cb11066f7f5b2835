using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustBridge.Web.Tests.Infrastructure;
using static TrustBridge.Web.Tests.Imports.ImportClient;

namespace TrustBridge.Web.Tests.Fhir;

/// <remarks>On SmallUnitsFactory (Reporting:MinUnitN = 2), so the report shows the figure of the two answers posted.</remarks>
public class FhirSurveyTests(TrustBridge.Web.Tests.Surveys.SmallUnitsFactory app) : IClassFixture<TrustBridge.Web.Tests.Surveys.SmallUnitsFactory>
{
    private const string Ext = "https://trustbridge.example/fhir/StructureDefinition/";

    private async Task<HttpClient> OfficeAsync(string department)
    {
        var office = await app.ClientWithRolesAsync("office.fhir@test.local", ["PatientRelations"]);
        await office.PostAsJsonAsync("/api/departments", new { code = department, name = "FHIR 科室 " + department });
        return office;
    }

    private static StringContent Fhir(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/fhir+json");

    /// <summary>A QuestionnaireResponse as a FHIR client writes it from the Questionnaire: one answer per item, from its options.</summary>
    private static JsonObject Answer(JsonNode questionnaire, string id, string department, string date, Func<string, int> value) => new()
    {
        ["resourceType"] = "QuestionnaireResponse",
        ["identifier"] = new JsonObject { ["system"] = "urn:regional:survey", ["value"] = id },
        ["questionnaire"] = $"{questionnaire["url"]}|{questionnaire["version"]}",
        ["status"] = "completed",
        ["authored"] = date + "T10:00:00+08:00",
        ["extension"] = new JsonArray(
            new JsonObject { ["url"] = Ext + "department", ["valueIdentifier"] = new JsonObject { ["value"] = department } },
            new JsonObject { ["url"] = Ext + "encounter-date", ["valueDate"] = date }),
        ["item"] = new JsonArray(questionnaire["item"]!.AsArray().Where(i => i!["type"]!.GetValue<string>() == "integer").Select(i =>
        {
            var linkId = i!["linkId"]!.GetValue<string>();
            var options = i["answerOption"]!.AsArray().Select(o => o!["valueInteger"]!.GetValue<int>()).ToList();
            options.ShouldContain(value(linkId));
            return (JsonNode)new JsonObject
            {
                ["linkId"] = linkId,
                ["answer"] = new JsonArray(new JsonObject { ["valueInteger"] = value(linkId) }),
            };
        }).ToArray()),
    };

    private static int AllAgree(string linkId) => linkId is "T01" or "T06" or "T08" ? 1 : 5; // reversed items: disagree

    [Fact]
    public async Task A_fhir_client_answers_the_trust_10_questionnaire_and_the_department_report_counts_it()
    {
        var office = await OfficeAsync("FQ1");
        var resp = await office.GetAsync("/fhir/Questionnaire/trust-10");
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var questionnaire = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
        questionnaire["resourceType"]!.GetValue<string>().ShouldBe("Questionnaire");
        questionnaire["status"]!.GetValue<string>().ShouldBe("active");
        questionnaire["item"]!.AsArray().Select(i => i!["linkId"]!.GetValue<string>()).ShouldContain("T10");

        var answer = Answer(questionnaire, "FQ1-R1", "FQ1", "2026-11-02", AllAgree);
        var posted = await office.PostAsync("/fhir/QuestionnaireResponse", Fhir(answer));
        var outcome = await posted.Content.ReadAsStringAsync();
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, outcome);
        outcome.ShouldContain("1 inserted");
        (await (await office.PostAsync("/fhir/QuestionnaireResponse", Fhir(answer))).Content.ReadAsStringAsync()).ShouldContain("1 unchanged");

        // Two more in a batch: one valid, one with a linkId the questionnaire does not have (rejected, named by entry).
        var bad = Answer(questionnaire, "FQ1-R3", "FQ1", "2026-11-03", AllAgree);
        bad["item"]!.AsArray().Add(new JsonObject { ["linkId"] = "X99", ["answer"] = new JsonArray(new JsonObject { ["valueInteger"] = 3 }) });
        var batch = new JsonObject
        {
            ["resourceType"] = "Bundle", ["type"] = "batch",
            ["entry"] = new JsonArray(
                new JsonObject { ["resource"] = Answer(questionnaire, "FQ1-R2", "FQ1", "2026-11-03", _ => 3), ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "QuestionnaireResponse" } },
                new JsonObject { ["resource"] = bad, ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "QuestionnaireResponse" } }),
        };
        var batchOutcome = await (await office.PostAsync("/fhir/QuestionnaireResponse", Fhir(batch))).Content.ReadAsStringAsync();
        batchOutcome.ShouldContain("1 inserted");
        batchOutcome.ShouldContain("Bundle.entry[1].resource");
        batchOutcome.ShouldContain("X99 is not an item of trust-10");

        var report = await office.GetFromJsonAsync<JsonElement>("/api/trust/report?instrument=trust-10&from=2026-11-01&to=2026-11-30");
        var unit = report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "FQ1");
        unit.GetProperty("n").GetInt32().ShouldBe(2);
        unit.GetProperty("trustIndex").GetDouble().ShouldBe(75, 1e-9); // 100 and 50

        // Exported back as a paged searchset.
        var page1 = JsonNode.Parse(await office.GetStringAsync("/fhir/QuestionnaireResponse?questionnaire=trust-10&_lastUpdated=ge2026-01-01&_count=1"))!;
        page1["type"]!.GetValue<string>().ShouldBe("searchset");
        page1["entry"]!.AsArray().Count.ShouldBe(1);
        var next = page1["link"]!.AsArray().Single(l => l!["relation"]!.GetValue<string>() == "next")!["url"]!.GetValue<string>();
        var page2 = JsonNode.Parse(await office.GetStringAsync(new Uri(next).PathAndQuery))!;
        var keys = new[] { page1, page2 }.SelectMany(p => p["entry"]!.AsArray()).Select(e => e!["resource"]!["identifier"]!["value"]!.GetValue<string>()).ToList();
        keys.Distinct().Count().ShouldBe(2);
        var all = JsonNode.Parse(await office.GetStringAsync("/fhir/QuestionnaireResponse?questionnaire=trust-10&_count=1000"))!;
        var r1 = all["entry"]!.AsArray().Select(e => e!["resource"]!).Single(r => r["identifier"]!["value"]!.GetValue<string>() == "FQ1-R1");
        r1["item"]!.AsArray().Single(i => i!["linkId"]!.GetValue<string>() == "T01")!["answer"]![0]!["valueInteger"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_or_unpublished_questionnaires_unknown_items_and_non_fhir_are_operation_outcomes()
    {
        var office = await OfficeAsync("FQ2");
        var questionnaire = JsonNode.Parse(await office.GetStringAsync("/fhir/Questionnaire/trust-10"))!;

        async Task<(int Status, JsonNode Body)> Post(string body)
        {
            var resp = await office.PostAsync("/fhir/QuestionnaireResponse", new StringContent(body, Encoding.UTF8, "application/fhir+json"));
            resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
            var node = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
            node["resourceType"]!.GetValue<string>().ShouldBe("OperationOutcome");
            return ((int)resp.StatusCode, node);
        }

        var unknownItem = Answer(questionnaire, "FQ2-R1", "FQ2", "2026-11-02", AllAgree);
        unknownItem["item"]!.AsArray().Add(new JsonObject { ["linkId"] = "Z01", ["answer"] = new JsonArray(new JsonObject { ["valueInteger"] = 3 }) });
        (await Post(unknownItem.ToJsonString())).Status.ShouldBe(422);
        var unknown = Answer(questionnaire, "FQ2-R2", "FQ2", "2026-11-02", AllAgree);
        unknown["questionnaire"] = "http://elsewhere/fhir/Questionnaire/no-such-survey";
        (await Post(unknown.ToJsonString())).Status.ShouldBe(404);
        var draftVersion = Answer(questionnaire, "FQ2-R3", "FQ2", "2026-11-02", AllAgree);
        draftVersion["questionnaire"] = $"{questionnaire["url"]}|999";
        (await Post(draftVersion.ToJsonString())).Status.ShouldBe(422);
        (await Post("""{ "resourceType": "Patient" }""")).Status.ShouldBe(422);
        (await Post("""{ "resourceType": "QuestionnaireRes""")).Status.ShouldBe(400);
        (await office.GetAsync("/fhir/Questionnaire/no-such-survey")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.GetAsync("/fhir/QuestionnaireResponse?_lastUpdated=ge-yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_fhir_endpoints_are_in_the_openapi_document_and_only_import_roles_post_or_export()
    {
        var doc = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/fhir/Questionnaire/{code}", "/fhir/QuestionnaireResponse", "/fhir/Patient", "/fhir/Encounter" })
            doc.ShouldContain($"\"{path}\"");
        var clinician = await app.ClientWithRolesAsync("clinician.fhir@test.local", ["Clinician"]);
        (await clinician.GetAsync("/fhir/Questionnaire/trust-10")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clinician.PostAsync("/fhir/QuestionnaireResponse", new StringContent("{}", Encoding.UTF8, "application/fhir+json"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clinician.GetAsync("/fhir/QuestionnaireResponse")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clinician.GetAsync("/fhir/Patient")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The same bad answers as a CSV row and as a QuestionnaireResponse: the same errors, column for column.</summary>
    [Fact]
    public async Task Csv_and_fhir_report_the_same_errors_for_the_same_bad_answers()
    {
        var office = await OfficeAsync("FQ3");
        var questionnaire = JsonNode.Parse(await office.GetStringAsync("/fhir/Questionnaire/trust-10"))!;
        // Unknown department, a future encounter date, T02 out of range, an unknown doctor.
        var csv = "response_id,encounter_date,department_code,doctor_code,source,T01,T02,T03,T04,T05,T06,T07,T08,T09,T10\n"
                  + "FQ3-R1,2030-01-01,NOPE,D-NONE,,1,9,5,5,5,1,5,1,5,5\n";
        var csvResp = await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(csv));
        var csvErrors = (await csvResp.Content.ReadFromJsonAsync<Report>(Json))!.Errors.Select(e => (e.Column, e.Value, e.Message)).OrderBy(e => e.Column).ToList();

        var qr = Answer(questionnaire, "FQ3-R1", "NOPE", "2030-01-01", l => l == "T02" ? 5 : AllAgree(l));
        qr["extension"]!.AsArray().Add(new JsonObject { ["url"] = Ext + "doctor", ["valueIdentifier"] = new JsonObject { ["value"] = "D-NONE" } });
        qr["item"]!.AsArray().Single(i => i!["linkId"]!.GetValue<string>() == "T02")!["answer"]![0]!["valueInteger"] = 9;
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "batch", ["entry"] = new JsonArray(new JsonObject { ["resource"] = qr }) };
        var fhirResp = await office.PostAsync("/fhir/QuestionnaireResponse", Fhir(bundle));
        var issues = JsonNode.Parse(await fhirResp.Content.ReadAsStringAsync())!["issue"]!.AsArray()
            .Where(i => i!["severity"]!.GetValue<string>() == "error").Select(i => i!["diagnostics"]!.GetValue<string>()).ToList();

        csvErrors.Count.ShouldBe(4);
        issues.Count.ShouldBe(csvErrors.Count);
        foreach (var (column, value, message) in csvErrors)
            issues.ShouldContain(d => d.Contains($"[{column}] {message}") && d.Contains($"'{value}'"));
    }
}
