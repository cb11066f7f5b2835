using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Trust;

/// <summary>Issue 8, deliver 2: a plan people can work — actions with an owner from the staff list, evidence, re-measurement and complaints.</summary>
public class ImprovementPlanWorkTests(LowAlarmFixture app) : IClassFixture<LowAlarmFixture>
{
    private static readonly object Quarter = new { instrument = "trust-10", from = "2026-07-01", to = "2026-09-30" };

    /// <summary>The L4 plan, a doctor of L4 to give actions to, and a complaint about L4 received in the plan's period.</summary>
    private async Task<(int PlanId, HttpClient Office)> PlanAsync()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.work@test.local", ["PatientRelations"]);
        await office.PostAsJsonAsync("/api/improvement-plans/evaluate", Quarter);
        var plan = (await office.GetFromJsonAsync<JsonElement>("/api/improvement-plans")).EnumerateArray().Single(p => p.GetProperty("departmentCode").GetString() == "L4");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        if (!await db.Staff.AnyAsync(s => s.Code == "L4D1"))
        {
            var l4 = await db.Departments.SingleAsync(d => d.Code == "L4");
            db.Staff.Add(new Staff { Code = "L4D1", Name = "赵医生", DepartmentId = l4.Id, Title = "主治医师" });
            db.FeedbackCases.Add(new FeedbackCase
            {
                TrackingCode = "PLANTEST0001", Type = FeedbackTypes.Complaint, Category = FeedbackCategories.Attitude, RiskLevel = RiskLevels.Low,
                Channel = FeedbackChannels.Phone, Content = "急诊医生态度生硬，没有解释病情", SuggestedType = FeedbackTypes.Complaint,
                SuggestedCategory = FeedbackCategories.Attitude, SuggestedRiskLevel = RiskLevels.Low, DepartmentId = l4.Id,
                ReceivedAt = new DateTime(2026, 8, 3, 2, 0, 0, DateTimeKind.Utc), AcknowledgeBy = new DateTime(2026, 8, 4, 2, 0, 0, DateTimeKind.Utc),
                DueBy = new DateTime(2026, 8, 10, 2, 0, 0, DateTimeKind.Utc), RemindAt = new DateTime(2026, 8, 9, 2, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        return (plan.GetProperty("id").GetInt32(), office);
    }

    [Fact]
    public async Task Actions_are_added_and_updated_through_the_api_and_the_plan_shows_baseline_and_complaints()
    {
        var (id, office) = await PlanAsync();
        var created = await office.PostAsJsonAsync($"/api/improvement-plans/{id}/actions", new { what = "沟通技巧培训", staffCode = "L4D1", dueOn = "2026-12-15" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var action = await created.Content.ReadFromJsonAsync<JsonElement>();
        action.GetProperty("staffName").GetString().ShouldBe("赵医生");
        action.GetProperty("status").GetString().ShouldBe("open");
        var actionId = action.GetProperty("id").GetInt32();

        var done = await office.PutAsJsonAsync($"/api/improvement-plans/{id}/actions/{actionId}", new { status = "done", evidence = "12 月 3 日培训签到 18 人", evidenceUrl = "https://intranet.example/sign-in.pdf" });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence").GetString().ShouldBe("12 月 3 日培训签到 18 人");

        (await office.PostAsJsonAsync($"/api/improvement-plans/{id}/actions", new { what = "", dueOn = "2026-12-15" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.PostAsJsonAsync($"/api/improvement-plans/{id}/actions", new { what = "x", staffCode = "NOBODY", dueOn = "2026-12-15" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.PutAsJsonAsync($"/api/improvement-plans/{id}/actions/{actionId}", new { evidenceUrl = "javascript:alert(1)" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.PutAsJsonAsync($"/api/improvement-plans/{id}/actions/999999", new { status = "done" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/improvement-plans/{id}");
        detail.GetProperty("plan").GetProperty("status").GetString().ShouldBe("in-progress"); // working an open plan starts it
        detail.GetProperty("actions").EnumerateArray().ShouldContain(a => a.GetProperty("id").GetInt32() == actionId && a.GetProperty("status").GetString() == "done");
        var baseline = detail.GetProperty("baseline");
        baseline.GetProperty("row").GetProperty("trustingRate").GetDouble().ShouldBe(0.45, 1e-12);
        detail.GetProperty("remeasure").GetProperty("from").GetString().ShouldBe("2026-10-01");
        detail.GetProperty("complaints").EnumerateArray().Select(c => c.GetProperty("trackingCode").GetString()).ShouldContain("PLANTEST0001");

        // The supervision group reads and changes nothing; another department's head does not see the plan.
        var supervisor = await app.ClientWithRolesAsync("sup.work@test.local", ["Supervisor"]);
        (await supervisor.GetAsync($"/api/improvement-plans/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.PostAsJsonAsync($"/api/improvement-plans/{id}/actions", new { what = "x", dueOn = "2026-12-15" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherHead = await app.ClientWithRolesAsync("head.work.l1@test.local", ["DepartmentHead"], ["L1"]);
        (await otherHead.GetAsync($"/api/improvement-plans/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The department's own head works her plan.
        var ownHead = await app.ClientWithRolesAsync("head.work.l4@test.local", ["DepartmentHead"], ["L4"]);
        (await ownHead.PostAsJsonAsync($"/api/improvement-plans/{id}/actions", new { what = "候诊区增设叫号屏", dueOn = "2027-01-10" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_plan_page_adds_an_action_with_an_owner_from_the_staff_list_and_the_department_page_says_what_happens_next()
    {
        var (id, _) = await PlanAsync();
        var browser = await CookieBrowser.WithRolesAsync(app, "office.work.page@test.local", ["PatientRelations"]);
        var page = $"/Staff/Improvement/Plan/{id}";
        var html = await browser.GetHtmlAsync(page);
        html.ShouldContain("id=\"measure-table\"");
        html.ShouldContain("data-measure=\"baseline\"");
        html.ShouldContain("45.0%");
        html.ShouldContain("<option value=\"L4D1\">赵医生 主治医师</option>");
        html.ShouldContain("PLANTEST0001");
        html.ShouldContain("href=\"/Staff/Feedback/Case/");

        var posted = await browser.PostFormAsync(page, $"{page}?handler=AddAction",
            new Dictionary<string, string> { ["action.What"] = "每周查房反馈沟通问题", ["action.StaffCode"] = "L4D1", ["action.DueOn"] = "2026-12-20" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var after = await browser.GetHtmlAsync(page);
        after.ShouldContain("已添加措施：每周查房反馈沟通问题");
        after.ShouldContain("每周查房反馈沟通问题");
        after.ShouldContain("赵医生");

        var department = await browser.GetHtmlAsync("/Staff/Trust/Department/L4?instrument=trust-10&from=2026-07-01&to=2026-09-30");
        department.ShouldContain("id=\"next-steps\"");
        department.ShouldContain($"href=\"/Staff/Improvement/Plan/{id}\"");
        department.ShouldContain("截止日期");

        // Read-only for the supervision group: no forms, and a post is refused.
        var supervisor = await CookieBrowser.WithRolesAsync(app, "sup.work.page@test.local", ["Supervisor"]);
        var read = await supervisor.GetHtmlAsync(page);
        read.ShouldNotContain("id=\"add-action\"");
        var refused = await supervisor.PostFormAsync(page, $"{page}?handler=AddAction", new Dictionary<string, string> { ["action.What"] = "x", ["action.DueOn"] = "2026-12-20" });
        refused.Headers.Location?.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_overview_sorts_the_alarm_first_and_by_any_column_through_the_url()
    {
        await app.SeedAsync();
        var browser = await CookieBrowser.AdminAsync(app);
        static List<string> Order(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<tr data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        const string q = "/Staff/Trust?instrument=trust-10&from=2026-07-01&to=2026-09-30";
        Order(await browser.GetHtmlAsync(q))[0].ShouldBe("L4"); // 低信任预警 first, not mid-table by code
        Order(await browser.GetHtmlAsync(q + "&sort=rate")).ShouldBe(["L4", "L1", "L2", "L3"]);
        Order(await browser.GetHtmlAsync(q + "&sort=-rate"))[^1].ShouldBe("L4");
        Order(await browser.GetHtmlAsync(q + "&sort=name")).ShouldBe(["L1", "L2", "L3", "L4"]);
        var html = await browser.GetHtmlAsync(q);
        html.ShouldContain("class=\"sort-link");
        html.ShouldContain("sort=-flag"); // the current column's link reverses it
        html.ShouldContain("id=\"trust-glossary\"");
        foreach (var term in new[] { "信任指数", "信任率", "信度 Cronbach α", "过度离散 φ", "漏斗图界限", "XmR 信号" }) html.ShouldContain($"<dt class=\"col-sm-3\">{term}");
        html.ShouldContain("医生信任量表"); // the questionnaire's name, not its code
    }
}
