using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using static TrustBridge.Web.Tests.Disputes.DisputeFixture;

namespace TrustBridge.Web.Tests.Disputes;

/// <summary>The "done when", through HTTP: escalation, the worked mediation clock, appraisal, compensation, payments, close, plan.</summary>
public class DisputeFlowTests(DisputeFixture app) : IClassFixture<DisputeFixture>
{
    [Fact]
    public async Task A_threatening_complaint_goes_from_escalation_to_a_closed_dispute_with_accountability_and_a_plan()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.flow@test.local", [Domain.Roles.PatientRelations]);
        var fb = await app.CreateAsync(app.AnonymousClient(), new { content = "D1医生手术做坏了，不赔钱我就去法院告你们，还要找媒体曝光", departmentCodes = new[] { "F1" }, staffCode = "D1", name = "赵六", mobile = "13711112222" });
        var caseId = fb.GetProperty("id").GetInt32();

        var escalated = await PostAsync(office, $"/api/feedback/{caseId}/escalate", new { text = "家属要求赔偿" });
        escalated.GetProperty("status").GetString().ShouldBe("escalated");
        var link = escalated.GetProperty("dispute");
        var id = link.GetProperty("id").GetInt32();
        link.GetProperty("reference").GetString()!.ShouldStartWith("JF-");
        escalated.GetProperty("history").EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "dispute");

        var d = await office.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}");
        d.GetProperty("feedbackCaseId").GetInt32().ShouldBe(caseId);
        d.GetProperty("claim").GetString()!.ShouldContain("法院");
        d.GetProperty("departments").EnumerateArray().Single().GetProperty("code").GetString().ShouldBe("F1");
        d.GetProperty("staff").EnumerateArray().Single().GetProperty("code").GetString().ShouldBe("D1");
        d.GetProperty("route").ValueKind.ShouldBe(JsonValueKind.Null);
        // The case stays readable from the dispute.
        (await office.GetFromJsonAsync<JsonElement>($"/api/feedback/{caseId}")).GetProperty("status").GetString().ShouldBe("escalated");

        // People's mediation accepted the day before 中秋: DISPUTES.md's worked example.
        d = await PostAsync(office, $"/api/disputes/{id}/routes", new { route = "people-mediation", appliedOn = "2026-09-22", acceptedOn = "2026-09-24", body = "市医疗纠纷人民调解委员会" });
        d.GetProperty("route").GetString().ShouldBe("people-mediation");
        d.GetProperty("routeDueBy").GetString().ShouldBe("2026-11-12T23:59:59+08:00");

        // An appraisal from 10-12 to 10-23 stops the clock for 10 working days; it finds 主要责任 at 70%.
        d = await PostAsync(office, $"/api/disputes/{id}/appraisals", new
        {
            body = "市医学会", commissionedOn = "2026-10-12", opinionOn = "2026-10-23", fee = 3500.00m, feePrepaidBy = "hospital",
            harm = true, harmDegree = "十级伤残", fault = true, causation = "术中操作与感染存在因果关系", liability = "major", liabilityPercent = 70m,
        });
        d.GetProperty("routeDueBy").GetString().ShouldBe("2026-11-26T23:59:59+08:00");
        var appraisal = d.GetProperty("appraisals").EnumerateArray().Single();
        appraisal.GetProperty("liability").GetString().ShouldBe("major");
        appraisal.GetProperty("liabilityChinese").GetString().ShouldBe("主要责任");
        appraisal.GetProperty("liabilityPercent").GetDecimal().ShouldBe(70m);
        d.GetProperty("routes").EnumerateArray().Single().GetProperty("pausedWorkingDays").GetInt32().ShouldBe(10);

        // Compensation lines add up exactly to the agreed amount.
        d = await PostAsync(office, $"/api/disputes/{id}/compensation/lines", new
        {
            lines = new object[]
            {
                new { item = "medical", claimed = 42000.35m, agreed = 30000.35m },
                new { item = "nursing", claimed = 8000.10m, agreed = 5000.10m },
                new { item = "disability", claimed = 90000m, agreed = 72099.55m },
                new { item = "mental-distress", claimed = 20000m, agreed = 1000m },
            },
        });
        var comp = d.GetProperty("compensation");
        comp.GetProperty("claimed").GetDecimal().ShouldBe(160000.45m);
        comp.GetProperty("agreed").GetDecimal().ShouldBe(108100.00m);
        comp.GetProperty("paid").GetDecimal().ShouldBe(0m);

        // Closing before everything agreed is paid is refused.
        var early = await office.PostAsJsonAsync($"/api/disputes/{id}/close", new { outcome = "settled" });
        (await ProblemFieldAsync(early, 409)).ShouldBe("payments");

        await PostAsync(office, $"/api/disputes/{id}/payments", new { payer = "hospital", amount = 30000.00m, paidOn = "2026-11-20", voucher = "财务凭证 2026-1120-07" });
        var over = await office.PostAsJsonAsync($"/api/disputes/{id}/payments", new { payer = "insurer", amount = 78100.01m, paidOn = "2026-11-25" });
        (await ProblemFieldAsync(over, 422)).ShouldBe("amount");
        d = await PostAsync(office, $"/api/disputes/{id}/payments", new { payer = "insurer", amount = 78100.00m, paidOn = "2026-11-25", voucher = "医责险理赔 PA-778" });
        d.GetProperty("compensation").GetProperty("paid").GetDecimal().ShouldBe(108100.00m);

        d = await PostAsync(office, $"/api/disputes/{id}/accountability", new { staffCode = "D1", decision = "pay-deduction", amount = 2000m, reason = "术前评估不足", decidedOn = "2026-11-26", decidedBy = "医疗质量与安全管理委员会" });
        d.GetProperty("accountability").EnumerateArray().Single().GetProperty("decision").GetString().ShouldBe("pay-deduction");

        d = await PostAsync(office, $"/api/disputes/{id}/close", new
        {
            outcome = "settled", rootCauses = new[] { "treatment", "communication", "infection" }, lessons = "术前感染风险评估与告知要落实到书面", openImprovementPlan = true,
        });
        d.GetProperty("status").GetString().ShouldBe("closed");
        d.GetProperty("route").ValueKind.ShouldBe(JsonValueKind.Null);
        d.GetProperty("routes").EnumerateArray().Single().GetProperty("result").GetString().ShouldBe("agreement");
        var planId = d.GetProperty("improvementPlanId").GetInt32();
        var plans = await office.GetFromJsonAsync<JsonElement>("/api/improvement-plans");
        var plan = plans.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == planId);
        plan.GetProperty("departmentCode").GetString().ShouldBe("F1");
        plan.GetProperty("notes").GetString()!.ShouldContain("术前感染");

        // Every read of the dispute is in the audit log.
        var audit = await (await app.AdminClientAsync()).GetFromJsonAsync<JsonElement>($"/api/audit?action=dispute.viewed&entityId={id}&pageSize=200");
        audit.GetProperty("items").GetArrayLength().ShouldBeGreaterThanOrEqualTo(8);

        // The year's totals.
        var analytics = await office.GetFromJsonAsync<JsonElement>("/api/disputes/analytics?year=2026");
        var total = analytics.GetProperty("total");
        total.GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        total.GetProperty("paid").GetDecimal().ShouldBeGreaterThanOrEqualTo(108100m);
        analytics.GetProperty("byDepartment").EnumerateArray().ShouldContain(f => f.GetProperty("key").GetString() == "F1");
    }

    [Fact]
    public async Task A_death_makes_the_dispute_major_alerts_the_lead_and_executive_and_shows_the_autopsy_deadline()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.death@test.local", [Domain.Roles.PatientRelations]);
        var created = await app.RegisterAsync(office, new
        {
            departmentCodes = new[] { "F3" }, claim = "患者抢救无效死亡，家属质疑延误", claimedAmount = 1200000m, arisenOn = "2026-09-30",
            patientDied = true, diedAt = "2026-09-30T22:15:00+08:00", patientName = "李某",
        });
        created.GetProperty("major").GetBoolean().ShouldBeTrue();
        created.GetProperty("reference").GetString()!.Length.ShouldBe(13);
        var id = created.GetProperty("id").GetInt32();
        var d = await office.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}");
        d.GetProperty("autopsyDueBy").GetString().ShouldBe("2026-10-02T22:15:00+08:00");
        d = await PostAsync(office, $"/api/disputes/{id}/autopsy", new { bodyFrozen = true, decision = "refusal" });
        d.GetProperty("autopsyDueBy").GetString().ShouldBe("2026-10-07T22:15:00+08:00");
        d.GetProperty("autopsyDecision").GetString().ShouldBe("refusal");
        d = await PostAsync(office, $"/api/disputes/{id}/duties", new { duty = "autopsy", toldOn = "2026-09-30", toldBy = "医务科 张三", toldWhom = "患者之妻" });
        d = await PostAsync(office, $"/api/disputes/{id}/major-report", new { reportedAt = "2026-10-01T08:00:00+08:00", reportedTo = "市卫生健康委医政医管处" });
        d.GetProperty("authorityReportedTo").GetString().ShouldBe("市卫生健康委医政医管处");
        d.GetProperty("limitationOn").GetString().ShouldBe("2029-09-30");

        // Sealed records: unsealing needs a reason, and before resolution or 3 years it is refused.
        d = await PostAsync(office, $"/api/disputes/{id}/seals", new { kind = "records", form = "copies", contents = "住院病历复印件全套（含护理记录）", hospitalSigner = "医务科 张三", familySigner = "患者之妻 王某" });
        var seal = d.GetProperty("seals").EnumerateArray().Single();
        var sealId = seal.GetProperty("id").GetInt32();
        DateOnly.Parse(seal.GetProperty("unsealAllowedOn").GetString()!).ShouldBeGreaterThan(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2));
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/seals/{sealId}/unseal", new { reason = "" }), 422)).ShouldBe("reason");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/seals/{sealId}/unseal", new { reason = "家属要求" }), 409)).ShouldBe("reason");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var reference = created.GetProperty("reference").GetString();
        var alerts = await db.OutboxMessages.Where(m => m.Kind == "dispute-major" && m.Correlation == $"dispute:{reference}").ToListAsync();
        alerts.Count.ShouldBe(2);
        alerts.Select(a => a.RecipientMasked).ShouldBe(["医患办主任", "分管副院长"], ignoreOrder: true);
    }

    [Fact]
    public async Task Administrative_mediation_shows_the_5_working_days_to_accept_and_negotiation_cannot_settle_above_the_limit()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.limit@test.local", [Domain.Roles.PatientRelations]);
        var id = (await app.RegisterAsync(office, Basic("F2", "D2"))).GetProperty("id").GetInt32();
        var d = await PostAsync(office, $"/api/disputes/{id}/routes", new { route = "administrative-mediation", appliedOn = "2026-09-30" });
        d.GetProperty("routeDueBy").GetString().ShouldBe("2026-10-13T23:59:59+08:00");
        await PostAsync(office, $"/api/disputes/{id}/routes/end", new { result = "failed", endedOn = "2026-10-13" });
        await PostAsync(office, $"/api/disputes/{id}/routes", new { route = "negotiation", hospitalRepresentatives = 3, familyRepresentatives = 5 });
        await PostAsync(office, $"/api/disputes/{id}/compensation/lines", new { lines = new[] { new { item = "medical", claimed = 50000m, agreed = 12000m } } });
        await PostAsync(office, $"/api/disputes/{id}/payments", new { payer = "hospital", amount = 12000m, paidOn = "2026-11-01" });
        var end = await office.PostAsJsonAsync($"/api/disputes/{id}/routes/end", new { result = "agreement" });
        var problem = await JsonAsync(end, 422);
        problem.GetProperty("errors").GetProperty("result")[0].GetString()!.ShouldContain("10000");
        var close = await office.PostAsJsonAsync($"/api/disputes/{id}/close", new { outcome = "settled" });
        (await ProblemFieldAsync(close, 422)).ShouldBe("outcome");
        (await office.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}")).GetProperty("status").GetString().ShouldBe("open");
        d.GetProperty("routes").GetArrayLength().ShouldBe(1);
        (await office.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}")).GetProperty("routes").GetArrayLength().ShouldBe(2);
    }
}
