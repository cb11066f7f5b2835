using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Feedback;

public class SurveyCasesImportTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    private const string Header = "response_id,encounter_date,department_code,doctor_code,source,A1,A2,C1,C2,C3,F1,F2,O1,O2,P1,P2,E1,E2,V1,V2,OVERALL,RECOMMEND,COMMENT";

    private static string Row(string id, int a, int recommend, string comment) =>
        $"{id},2026-10-09,SC1,,paper,{string.Join(",", Enumerable.Repeat(a, 15))},{recommend},{recommend},{comment}";

    [Fact]
    public async Task Imported_low_answers_with_comments_become_survey_cases_once()
    {
        var office = await app.ClientWithRolesAsync("office.surveycases@test.local", ["PatientRelations"]);
        (await office.PostAsJsonAsync("/api/departments", new { code = "SC1", name = "眼科" })).EnsureSuccessStatusCode();
        var csv = string.Join("\n", Header,
            Row("S1", 2, 3, "候诊三个小时没人解释"),   // low with a comment → case
            Row("S2", 2, 3, ""),                     // low without a comment → task only
            Row("S3", 5, 10, "护士很耐心"),           // high → nothing
            Row("S4", 4, 6, "检查单看不懂")) + "\n"; // recommend 6 with a comment → case
        async Task<JsonElement> ImportAsync()
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            var resp = await office.PostAsync("/api/instruments/satisfaction-outpatient/responses/import", content);
            resp.StatusCode.ShouldBe(HttpStatusCode.OK, await resp.Content.ReadAsStringAsync());
            return await resp.Content.ReadFromJsonAsync<JsonElement>();
        }
        (await ImportAsync()).GetProperty("inserted").GetInt32().ShouldBe(4);
        (await ImportAsync()).GetProperty("inserted").GetInt32().ShouldBe(0);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var cases = await db.FeedbackCases.AsNoTracking().Where(c => c.Channel == "survey").OrderBy(c => c.Content).ToListAsync();
        cases.Select(c => c.Content).ShouldBe(["候诊三个小时没人解释", "检查单看不懂"], ignoreOrder: true);
        var keys = await db.SurveyResponses.AsNoTracking().Where(r => cases.Select(c => c.SurveyResponseId).Contains(r.Id)).Select(r => r.ResponseKey).ToListAsync();
        keys.ShouldBe(["S1", "S4"], ignoreOrder: true);
        cases.ShouldAllBe(c => c.Anonymous && c.DepartmentId != null && c.Status == "new");
        (await db.ServiceRecoveryTasks.CountAsync()).ShouldBe(3); // S1, S2 and S4 are still the survey team's tasks
    }
}
