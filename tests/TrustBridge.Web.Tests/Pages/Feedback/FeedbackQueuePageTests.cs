using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;
using TrustBridge.Web.Tests.Infrastructure;

using Labels = TrustBridge.Web.Pages.Staff.Feedback.FeedbackLabels;

namespace TrustBridge.Web.Tests.Pages.Feedback;

public class FeedbackQueuePageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static int Id(JsonElement created) => created.GetProperty("id").GetInt32();

    [Fact]
    public async Task The_tabs_filter_the_queue_and_the_csv_export_holds_the_filtered_rows_with_formulas_neutralised()
    {
        await app.SeedAsync();
        var api = await app.ClientWithRolesAsync("office.queue@test.local", [Roles.PatientRelations]);
        var fresh = Id(await app.CreateAsync(api, new { type = "complaint", content = "=HYPERLINK(\"http://x\") 收费太贵了", channel = "phone", departmentCodes = new[] { "F1" } }));
        var old = Id(await app.CreateAsync(api, new { type = "complaint", content = "医生没有解释手术风险，一直没人答复", channel = "letter", receivedAt = "2026-09-30T15:00:00+08:00", departmentCodes = new[] { "F2" } }));
        var threat = Id(await app.CreateAsync(app.AnonymousClient(), new { content = "再不处理我就拉横幅堵门", departmentCodes = new[] { "F3" } }));
        (await api.PostAsJsonAsync($"/api/feedback/{fresh}/reply", new { text = "已核对账单，多收部分退还。" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var office = await CookieBrowser.SignedInAsync(app, "office.queue@test.local", TrustBridgeFactory.UserPassword);
        var all = await office.GetHtmlAsync("/Staff/Feedback");
        foreach (var id in new[] { fresh, old, threat }) all.ShouldContain($"data-case=\"{id}\"");
        all.ShouldContain("href=\"/Staff/Calendar\""); // the sub-navigation

        var overdue = await office.GetHtmlAsync("/Staff/Feedback?view=overdue");
        overdue.ShouldContain($"data-case=\"{old}\"");
        overdue.ShouldContain("case-overdue");
        overdue.ShouldNotContain($"data-case=\"{fresh}\"");
        var alerts = await office.GetHtmlAsync("/Staff/Feedback?view=alerts");
        alerts.ShouldContain($"<tr class=\"table-danger case-alert\" data-case=\"{threat}\"");
        alerts.ShouldNotContain($"data-case=\"{old}\"");
        alerts.ShouldContain("text-bg-danger risk-high");
        var review = await office.GetHtmlAsync("/Staff/Feedback?view=review");
        review.ShouldContain($"data-case=\"{fresh}\"");
        review.ShouldNotContain($"data-case=\"{threat}\"");
        var filtered = await office.GetHtmlAsync("/Staff/Feedback?departmentCode=F2&channel=letter");
        filtered.ShouldContain($"data-case=\"{old}\"");
        filtered.ShouldNotContain($"data-case=\"{fresh}\"");
        (await office.GetHtmlAsync("/Staff/Feedback?q=没有这种内容的工单")).ShouldContain("empty-state");
        (await office.GetHtmlAsync($"/Staff/Feedback?q=%23{old}")).ShouldContain($"data-case=\"{old}\"");

        var csv = await office.Client.GetAsync("/api/feedback/export?format=csv&q=HYPERLINK");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("编号,查询码,类型,type_code,分类,category_code,风险等级,risk_level_code"); // words of the UI language, codes beside them
        lines[1].ShouldStartWith($"{fresh},");
        lines[1].ShouldContain("\"'=HYPERLINK(");
        var xlsx = await office.Client.GetAsync("/api/feedback/export?format=xlsx&view=overdue");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        (await office.Client.GetAsync("/api/feedback/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A department head exports only her departments' cases.
        await app.ClientWithRolesAsync("head.f2.queue@test.local", [Roles.DepartmentHead], ["F2"]);
        var head = await CookieBrowser.SignedInAsync(app, "head.f2.queue@test.local", TrustBridgeFactory.UserPassword);
        var headCsv = Encoding.UTF8.GetString(await (await head.Client.GetAsync("/api/feedback/export?format=csv")).Content.ReadAsByteArrayAsync());
        headCsv.ShouldContain($"\n{old},");
        headCsv.ShouldNotContain($"\n{fresh},");
    }

    [Fact]
    public async Task Overrides_export_as_labelled_data_and_retraining_uses_them()
    {
        await app.SeedAsync();
        var api = await app.ClientWithRolesAsync("office.overrides@test.local", [Roles.PatientRelations]);
        var id = Id(await app.CreateAsync(app.AnonymousClient(), new { content = "护士说话很冲，一点耐心都没有", departmentCodes = new[] { "F1" } }));
        (await api.PostAsJsonAsync($"/api/feedback/{id}/classification", new { category = "communication", riskLevel = "medium" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var office = await CookieBrowser.SignedInAsync(app, "office.overrides@test.local", TrustBridgeFactory.UserPassword);
        (await office.GetHtmlAsync("/Staff/Feedback")).ShouldContain("/api/feedback/triage/overrides/export?format=csv");
        var csv = Encoding.UTF8.GetString(await (await api.GetAsync("/api/feedback/triage/overrides/export?format=csv")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("内容,建议类型,suggested_type_code,建议分类,suggested_category_code,建议风险等级,suggested_risk_level_code,类型,type_code,分类,category_code,风险等级,risk_level_code,时间");
        var suggested = await api.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}");
        string Pair(string? code, Func<string?, string> word) => $"{word(code)},{code}";
        var expected = $"护士说话很冲，一点耐心都没有,{Pair(suggested.GetProperty("suggestedType").GetString(), Labels.Type)},{Pair(suggested.GetProperty("suggestedCategory").GetString(), Labels.Category)},"
            + $"{Pair(suggested.GetProperty("suggestedRiskLevel").GetString(), Labels.Risk)},{Pair(suggested.GetProperty("type").GetString(), Labels.Type)},沟通与告知,communication,中危,medium,20";
        lines.ShouldContain(l => l.StartsWith(expected, StringComparison.Ordinal), csv);

        var retrain = await api.PostAsync("/api/feedback/triage/retrain", null);
        retrain.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retrain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("examples").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        var supervisor = await app.ClientWithRolesAsync("sup.overrides@test.local", [Roles.Supervisor]);
        (await supervisor.GetAsync("/api/feedback/triage/overrides/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.PostAsync("/api/feedback/triage/retrain", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var supPage = await CookieBrowser.WithRolesAsync(app, "sup.overrides.page@test.local", [Roles.Supervisor]);
        (await supPage.GetHtmlAsync("/Staff/Feedback")).ShouldNotContain("/api/feedback/triage/overrides/export");
    }
}
