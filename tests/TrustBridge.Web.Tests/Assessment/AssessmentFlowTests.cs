using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using static TrustBridge.Web.Tests.Assessment.AssessmentFixture;

namespace TrustBridge.Web.Tests.Assessment;

/// <summary>The issue's done-when: an administrator sets targets and weights; Q3's scorecard names the department under target, which gets a notice and a plan due in 30 days.</summary>
public class AssessmentFlowTests(AssessmentFixture app) : IClassFixture<AssessmentFixture>
{
    [Fact]
    public async Task Weights_set_by_the_administrator_score_q3_and_the_department_under_target_gets_a_notice_and_a_plan_due_in_30_days()
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        var version = await JsonAsync(await admin.PostAsJsonAsync("/api/assessment/weights", TrainingWeights("2026-07-01")), 201);
        var versionId = version.GetProperty("id").GetInt32();
        // a later version is not in force at the end of Q3
        var later = await JsonAsync(await admin.PostAsJsonAsync("/api/assessment/weights", new
        {
            effectiveFrom = "2026-10-01", indicators = new object[] { new { code = "trust-index", weight = 100m, target = 80.0, floor = 60.0 } },
        }), 201);

        var card = await JsonAsync(await admin.GetAsync("/api/assessment/departments?period=2026Q3"), 200);
        card.GetProperty("period").GetString().ShouldBe("2026Q3");
        card.GetProperty("weightsVersion").GetInt32().ShouldBe(versionId);
        var units = card.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!);
        var a1 = units["A1"];
        a1.GetProperty("name").GetString().ShouldBe("内分泌科");
        // trust and on-time reply are not assessed (no answers, no cases due): the score is training's alone, renormalised
        a1.GetProperty("score").GetDouble().ShouldBe(0);
        a1.GetProperty("band").GetString().ShouldBe("needs-improvement");
        units["A2"].GetProperty("score").GetDouble().ShouldBe(100);
        units["A2"].GetProperty("band").GetString().ShouldBe("excellent");
        var indicators = a1.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        indicators.Keys.ShouldBe(["trust-index", "trusting-rate", "complaints-outpatient", "complaints-inpatient", "on-time-reply", "disputes", "followup-ratio", "training", "plans-on-time"]);
        foreach (var i in indicators.Values)
            foreach (var field in new[] { "code", "value", "low", "high", "n", "target", "met", "assessed" }) i.TryGetProperty(field, out _).ShouldBeTrue(field);
        var training = indicators["training"];
        (training.GetProperty("assessed").GetBoolean(), training.GetProperty("value").GetDouble(), training.GetProperty("n").GetInt32()).ShouldBe((true, 0.0, 6));
        training.GetProperty("met").GetBoolean().ShouldBeFalse();
        training.GetProperty("high").GetDouble().ShouldBeGreaterThan(0); // Wilson 0/6 → 0–0.39
        var trust = indicators["trust-index"];
        trust.GetProperty("assessed").GetBoolean().ShouldBeFalse();
        trust.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null); // not assessed, never zero
        indicators["followup-ratio"].GetProperty("assessed").GetBoolean().ShouldBeFalse();

        var q4 = await JsonAsync(await admin.GetAsync("/api/assessment/departments?period=2026Q4"), 200);
        q4.GetProperty("weightsVersion").GetInt32().ShouldBe(later.GetProperty("id").GetInt32());
        var history = await JsonAsync(await admin.GetAsync("/api/assessment/weights"), 200);
        history.EnumerateArray().Select(v => v.GetProperty("id").GetInt32()).ShouldBe([later.GetProperty("id").GetInt32(), versionId, 0]);

        var office = await app.ClientWithRolesAsync("office.assess@test.local", [Domain.Roles.PatientRelations]);
        var notices = await JsonAsync(await office.PostAsync("/api/assessment/notices?period=2026Q3", null), 200);
        var notice = notices.EnumerateArray().ShouldHaveSingleItem();
        notice.GetProperty("departmentCode").GetString().ShouldBe("A1");
        notice.GetProperty("text").GetString()!.ShouldContain("通报");
        notice.GetProperty("text").GetString()!.ShouldContain("培训完成率");
        DateOnly.Parse(notice.GetProperty("dueOn").GetString()!).ShouldBe(app.Today.AddDays(30));
        // issuing again adds nothing
        (await JsonAsync(await office.PostAsync("/api/assessment/notices?period=2026Q3", null), 200)).GetArrayLength().ShouldBe(1);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var plan = await db.ImprovementPlans.SingleAsync(p => p.Id == notice.GetProperty("improvementPlanId").GetInt32());
        (plan.DueOn, plan.InstrumentCode, plan.Status, plan.PeriodFrom, plan.PeriodTo).ShouldBe((app.Today.AddDays(30), "assessment:2026Q3", "open", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)));
        // the plan is an ordinary improvement plan: its page opens
        var page = await admin.GetAsync($"/Staff/Improvement/Plan/{plan.Id}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        // the scorecard page names the department under target and shows the notice; not assessed reads 未评估, not 0
        var html = await (await admin.GetAsync("/Staff/Assessment?period=2026Q3")).Content.ReadAsStringAsync();
        html.ShouldContain("data-unit=\"A1\"");
        html.ShouldContain("未达标");
        html.ShouldContain("未评估");
        html.ShouldContain($"/Staff/Improvement/Plan/{plan.Id}");
        (await admin.GetAsync("/Staff/Assessment/Weights")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.GetAsync("/Staff/Assessment/Weights")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_nurse_scans_todays_session_and_her_credits_update_and_she_sees_only_her_own()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.train@test.local", [Domain.Roles.PatientRelations]);
        var courses = await JsonAsync(await office.GetAsync("/api/training/courses"), 200);
        var segue = courses.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "segue");
        segue.GetProperty("outline").GetArrayLength().ShouldBe(25);
        courses.EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldBeSubsetOf(["aidet", "calgary-cambridge", "cicare", "segue"]);
        var session = await JsonAsync(await office.PostAsJsonAsync("/api/training/sessions", new
        {
            courseCode = "segue", heldOn = app.Today.ToString("yyyy-MM-dd"), trainer = "李老师", place = "门诊楼 5 楼会议室", capacity = 30, level = "national", creditClass = "I", hours = 6m,
        }), 201);
        session.GetProperty("credits").GetDecimal().ShouldBe(2m); // national learner: 1 per 3 hours

        var nurse = await app.LoginAsync(NurseEmail, Infrastructure.TrustBridgeFactory.UserPassword);
        var year = app.Today.Year;
        var before = await JsonAsync(await nurse.GetAsync($"/api/training/staff/N1/credits?year={year}"), 200);
        foreach (var field in new[] { "year", "total", "classI", "classII", "national5y", "status", "shortBy" }) before.TryGetProperty(field, out _).ShouldBeTrue(field);
        before.GetProperty("status").GetString().ShouldBe("short");
        var scan = await JsonAsync(await nurse.PostAsync($"/api/training/scan/{session.GetProperty("scanToken").GetString()}", null), 200);
        scan.GetProperty("staffCode").GetString().ShouldBe("N1");
        (await JsonAsync(await nurse.PostAsync($"/api/training/scan/{session.GetProperty("scanToken").GetString()}", null), 200)).GetProperty("alreadyRecorded").GetBoolean().ShouldBeTrue();
        var after = await JsonAsync(await nurse.GetAsync($"/api/training/staff/N1/credits?year={year}"), 200);
        after.GetProperty("total").GetDecimal().ShouldBe(before.GetProperty("total").GetDecimal() + 2m);
        after.GetProperty("classI").GetDecimal().ShouldBe(before.GetProperty("classI").GetDecimal() + 2m);
        after.GetProperty("national5y").GetDecimal().ShouldBe(before.GetProperty("national5y").GetDecimal() + 2m);
        after.GetProperty("shortBy").GetDecimal().ShouldBe(before.GetProperty("shortBy").GetDecimal() - 2m);

        (await nurse.GetAsync($"/api/training/staff/N2/credits?year={year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await nurse.GetAsync($"/api/training/staff/K1/credits?year={year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var head = await app.ClientWithRolesAsync("head.a1@test.local", [Domain.Roles.DepartmentHead], ["A1"]);
        (await head.GetAsync($"/api/training/staff/N2/credits?year={year}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await head.GetAsync($"/api/training/staff/K1/credits?year={year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var k1 = await JsonAsync(await office.GetAsync("/api/training/staff/K1/credits?year=2026"), 200);
        (k1.GetProperty("status").GetString(), k1.GetProperty("shortBy").GetDecimal(), k1.GetProperty("total").GetDecimal()).ShouldBe(("on-track", 0m, 25m));

        var credits = await (await nurse.GetAsync("/Staff/Training/Credits")).Content.ReadAsStringAsync();
        credits.ShouldContain("护士1");
        credits.ShouldContain($"id=\"credits-total\">{after.GetProperty("total").GetDecimal():0.#}<");
        var sessions = await JsonAsync(await office.GetAsync("/api/training/sessions"), 200);
        sessions.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == session.GetProperty("id").GetInt32()).GetProperty("attended").GetInt32().ShouldBe(1);
    }
}
