using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Feedback;

public class FeedbackJobsTests(FeedbackOpsFixture app) : IClassFixture<FeedbackOpsFixture>
{
    [Fact]
    public async Task An_old_open_case_gets_one_reminder_to_its_owner_and_one_breach_escalation_to_the_lead_and_its_department_head()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("owner.jobs@test.local", [Roles.PatientRelations]);
        await app.ClientWithRolesAsync("head.f1@test.local", [Roles.DepartmentHead], ["F1"]);
        await app.ClientWithRolesAsync("head.f2@test.local", [Roles.DepartmentHead], ["F2"]);
        await app.ClientWithRolesAsync("clinician.f1@test.local", [Roles.Clinician], ["F1"]);
        var created = await app.CreateAsync(office, new { type = "complaint", content = "门诊候诊时间太长", channel = "phone", receivedAt = "2026-09-01T09:00:00+08:00", departmentCodes = new[] { "F1" } });
        var id = created.GetProperty("id").GetInt32();

        await app.RunJobsAsync();
        await app.RunJobsAsync();

        var reminders = await app.MessagesAsync("feedback-reminder", id);
        reminders.Count.ShouldBe(1);
        reminders[0].Channel.ShouldBe("email");
        reminders[0].RecipientMasked.ShouldBe("owner.jobs@test.local");
        var breaches = await app.MessagesAsync("feedback-breach", id);
        breaches.Select(m => m.RecipientMasked).ShouldBe(["医患办主任", "head.f1@test.local"], ignoreOrder: true);
        var stored = await app.WithDbAsync(db => db.FeedbackCases.AsNoTracking().SingleAsync(c => c.Id == id));
        stored.ReminderSentAt.ShouldNotBeNull();
        stored.BreachEscalatedAt.ShouldNotBeNull();
        var events = await app.WithDbAsync(db => db.FeedbackCaseEvents.Where(e => e.CaseId == id).Select(e => e.Kind).ToListAsync());
        events.Count(k => k == "reminder").ShouldBe(1);
        events.Count(k => k == "breach").ShouldBe(1);
    }

    [Fact]
    public async Task A_case_without_an_owner_reminds_the_office_lead_and_a_closed_case_gets_nothing()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("owner.jobs@test.local", [Roles.PatientRelations]);
        var closed = await app.CreateAsync(office, new { type = "complaint", content = "收费窗口态度差", channel = "visit", receivedAt = "2026-09-02T09:00:00+08:00", departmentCodes = new[] { "F2" }, resolvedOnTheSpot = true, resolution = "已当场道歉" });
        closed.GetProperty("status").GetString().ShouldBe("closed");
        var anonymous = await app.CreateAsync(app.AnonymousClient(), new { content = "建议增加停车位", departmentCodes = new[] { "F2" } });
        var anonymousId = anonymous.GetProperty("id").GetInt32();
        await app.WithDbAsync(db => db.FeedbackCases.Where(c => c.Id == anonymousId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RemindAt, DateTime.UtcNow.AddMinutes(-1))));

        await app.RunJobsAsync();

        (await app.MessagesAsync("feedback-reminder", closed.GetProperty("id").GetInt32())).ShouldBeEmpty();
        (await app.MessagesAsync("feedback-breach", closed.GetProperty("id").GetInt32())).ShouldBeEmpty();
        var toLead = await app.MessagesAsync("feedback-reminder", anonymousId);
        toLead.Single().RecipientMasked.ShouldBe("医患办主任");
        (await app.MessagesAsync("feedback-breach", anonymousId)).ShouldBeEmpty(); // not yet due
    }

    [Fact]
    public async Task An_unacknowledged_high_risk_alert_is_raised_again_once_after_thirty_minutes()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "再不给说法我明天就带人来拉横幅堵门，砍了那个医生", departmentCodes = new[] { "F3" } });
        var id = created.GetProperty("id").GetInt32();
        (await app.WithDbAsync(db => db.FeedbackCases.Where(c => c.Id == id).Select(c => c.RiskLevel).SingleAsync())).ShouldBe("high");
        await app.RunJobsAsync();
        (await app.MessagesAsync("feedback-alert-overdue", id)).ShouldBeEmpty(); // within the 30 minutes

        await app.WithDbAsync(db => db.FeedbackCases.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcknowledgeBy, DateTime.UtcNow.AddMinutes(-1))));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        var overdue = await app.MessagesAsync("feedback-alert-overdue", id);
        overdue.Single().RecipientMasked.ShouldBe("医患办主任");
        overdue[0].Body.ShouldContain("未在30分钟内确认");
        (await app.WithDbAsync(db => db.FeedbackCaseEvents.CountAsync(e => e.CaseId == id && e.Kind == "alert-overdue"))).ShouldBe(1);
    }
}
