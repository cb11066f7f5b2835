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
        await office.PostAsJsonAsync("/api/departments", new { code = "SC1", name = "眼科" });
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
        var imported = await db.SurveyResponses.AsNoTracking().Where(r => r.Source == "paper").Select(r => new { r.Id, r.ResponseKey }).ToListAsync();
        imported.Count.ShouldBe(4);
        var ids = imported.Select(r => (long?)r.Id).ToList();
        var cases = await db.FeedbackCases.AsNoTracking().Where(c => ids.Contains(c.SurveyResponseId)).ToListAsync();
        cases.ShouldAllBe(c => c.Channel == "survey");
        cases.Select(c => c.Content).ShouldBe(["候诊三个小时没人解释", "检查单看不懂"], ignoreOrder: true);
        cases.Select(c => imported.Single(r => r.Id == c.SurveyResponseId).ResponseKey).ShouldBe(["S1", "S4"], ignoreOrder: true);
        cases.ShouldAllBe(c => c.Anonymous && c.DepartmentId != null && c.Status == "new");
        (await db.ServiceRecoveryTasks.CountAsync()).ShouldBe(3); // S1, S2 and S4 are still the survey team's tasks
    }

    [Fact]
    public async Task A_low_poster_answer_with_a_comment_becomes_an_anonymous_case_in_the_answers_transaction()
    {
        var office = await app.ClientWithRolesAsync("office.surveycases@test.local", ["PatientRelations"]);
        await office.PostAsJsonAsync("/api/departments", new { code = "SC1", name = "眼科" });
        using var scope = app.Services.CreateScope();
        var qr = scope.ServiceProvider.GetRequiredService<TrustBridge.Web.Features.Surveys.SubmitQrResponse>();
        var items = new[] { "A1", "A2", "C1", "C2", "C3", "F1", "F2", "O1", "O2", "P1", "P2", "E1", "E2", "V1", "V2" };
        var low = items.ToDictionary(i => i, _ => (string?)"1");
        low["OVERALL"] = "1";
        low["RECOMMEND"] = "1";
        low["COMMENT"] = "扫码挂号总是失败，问了三个人都说不知道";
        var (outcome, id, _) = await qr.RunAsync("SC1", low);
        outcome.ShouldBe(TrustBridge.Web.Features.Surveys.QrOutcome.Stored);
        var silent = new Dictionary<string, string?>(low) { ["COMMENT"] = null };
        var (_, silentId, _) = await qr.RunAsync("SC1", silent);

        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var c = await db.FeedbackCases.AsNoTracking().SingleAsync(x => x.SurveyResponseId == id);
        c.Channel.ShouldBe("survey");
        c.Anonymous.ShouldBeTrue();
        c.Content.ShouldBe("扫码挂号总是失败，问了三个人都说不知道");
        (await db.FeedbackCases.CountAsync(x => x.SurveyResponseId == silentId)).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == "feedback-case" && a.EntityId == c.Id.ToString())).ShouldBe(1);
    }
}
