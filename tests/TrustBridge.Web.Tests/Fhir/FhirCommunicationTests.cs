using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;
using TrustBridge.Web.Tests.Imports;

namespace TrustBridge.Web.Tests.Fhir;

public class FhirCommunicationTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task Feedback_cases_export_as_paged_communications_without_the_complainants_contact_and_each_page_is_audited()
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        var complaint = await app.CreateAsync(app.AnonymousClient(),
            new { content = "FHIR 挂号排队等了三个小时，窗口只开一个", departmentCodes = new[] { "F1" }, name = "李明", mobile = "138 0013 8000" });
        var praise = await app.CreateAsync(admin,
            new { type = "praise", content = "FHIR 医生D2 很耐心，谢谢", channel = "letter", staffCode = "D2", patientMrn = "MRN-F1", receivedAt = DateTime.UtcNow.AddHours(-1) });

        var communications = new List<JsonNode>();
        string? url = "/fhir/Communication?_count=1&_lastUpdated=ge2020-01-01";
        while (url is not null)
        {
            var resp = await admin.GetAsync(url);
            resp.StatusCode.ShouldBe(HttpStatusCode.OK);
            resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
            var text = await resp.Content.ReadAsStringAsync();
            text.ShouldNotContain(complaint.GetProperty("trackingCode").GetString()!);
            text.ShouldNotContain("李明");
            text.ShouldNotContain("8000");
            var page = JsonNode.Parse(text)!;
            page["type"]!.GetValue<string>().ShouldBe("searchset");
            communications.AddRange(page["entry"]!.AsArray().Select(e => e!["resource"]!));
            url = page["link"]!.AsArray().FirstOrDefault(l => l!["relation"]!.GetValue<string>() == "next")?["url"]?.GetValue<string>() is { } next ? new Uri(next).PathAndQuery : null;
        }
        communications.Count.ShouldBeGreaterThanOrEqualTo(2);

        var c = communications.Single(x => x["identifier"]![0]!["value"]!.GetValue<string>() == complaint.GetProperty("id").GetInt32().ToString());
        c["resourceType"]!.GetValue<string>().ShouldBe("Communication");
        c["status"]!.GetValue<string>().ShouldBe("in-progress");
        c["category"]![0]!["coding"]![0]!["code"]!.GetValue<string>().ShouldBe("complaint");
        c["medium"]![0]!["coding"]![0]!["code"]!.GetValue<string>().ShouldBe("api"); // POST /api/feedback without a channel
        c["recipient"]![0]!["identifier"]!["value"]!.GetValue<string>().ShouldBe("F1");
        c["payload"]![0]!["contentString"]!.GetValue<string>().ShouldStartWith("FHIR 挂号排队");
        c["subject"].ShouldBeNull();
        c["sent"]!.GetValue<string>().ShouldEndWith("+08:00");

        var p = communications.Single(x => x["identifier"]![0]!["value"]!.GetValue<string>() == praise.GetProperty("id").GetInt32().ToString());
        p["category"]![0]!["coding"]![0]!["code"]!.GetValue<string>().ShouldBe("praise");
        p["medium"]![0]!["coding"]![0]!["code"]!.GetValue<string>().ShouldBe("letter");
        p["about"]![0]!["identifier"]!["value"]!.GetValue<string>().ShouldBe("D2");
        p["subject"]!["identifier"]!["value"]!.GetValue<string>().ShouldBe("MRN-F1");

        // _lastUpdated narrows (nothing changed after tomorrow) and a bad one is an OperationOutcome.
        var none = JsonNode.Parse(await admin.GetStringAsync($"/fhir/Communication?_lastUpdated=gt{DateTime.UtcNow.AddDays(2):yyyy-MM-dd}"))!;
        none["total"]!.GetValue<int>().ShouldBe(0);
        var bad = await admin.GetAsync("/fhir/Communication?_lastUpdated=yesterday");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["resourceType"]!.GetValue<string>().ShouldBe("OperationOutcome");

        (await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "fhir.exported" && a.EntityType == "Communication")))
            .ShouldBeGreaterThanOrEqualTo(communications.Count);
        var clinician = await app.ClientWithRolesAsync("fhir-comm-clinician@test", [Roles.Clinician]);
        (await clinician.GetAsync("/fhir/Communication")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
