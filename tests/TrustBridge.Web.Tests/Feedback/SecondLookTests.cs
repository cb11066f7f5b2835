using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Feedback;

/// <summary>Issue 9: threats without a violence word, the 可能高危 second look, and 对方有威胁言行.</summary>
public class SecondLookTests(FeedbackOpsFixture app) : IClassFixture<FeedbackOpsFixture>
{
    private static IEnumerable<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32());

    [Fact]
    public async Task A_threat_without_a_violence_word_raises_the_alert_with_its_threat_class_as_cue()
    {
        await app.SeedAsync();
        // Knowing a nurse's timetable and the gate she uses: no act named.
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "急诊那个王护士每天几点下班、走哪个门，我已经摸清楚了。", departmentCodes = new[] { "F3" } });
        created.TryGetProperty("riskLevel", out _).ShouldBeFalse(); // the one who wrote it never learns it was flagged
        var id = created.GetProperty("id").GetInt32();
        (await app.MessagesAsync("feedback-high-risk", id)).ShouldNotBeEmpty();
        var office = await app.ClientWithRolesAsync("office.look1@test.local", [Roles.PatientRelations]);
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}");
        detail.GetProperty("riskLevel").GetString().ShouldBe("high");
        detail.GetProperty("cues").EnumerateArray().Select(c => c.GetProperty("signal").GetString()).ShouldContain("threat:surveillance");
        detail.GetProperty("secondLook").ValueKind.ShouldBe(JsonValueKind.Null); // already high: no second look
    }

    [Fact]
    public async Task A_negated_threat_goes_to_the_second_look_which_is_dismissed_with_a_reason_or_confirmed_into_an_alert()
    {
        await app.SeedAsync();
        var anonymous = app.AnonymousClient();
        var office = await app.ClientWithRolesAsync("office.look2@test.local", [Roles.PatientRelations]);
        // Anonymous callers are not told the risk level; the office reads it.
        async Task<string> RiskOf(int id) => (await office.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}")).GetProperty("riskLevel").GetString()!;
        var a = (await app.CreateAsync(anonymous, new { content = "我们不会来闹事，也不想拉横幅，只想医生把我爸的病情讲清楚。", departmentCodes = new[] { "F3" } })).GetProperty("id").GetInt32();
        var negatedRisk = await RiskOf(a);
        negatedRisk.ShouldNotBe("high");
        var b = (await app.CreateAsync(anonymous, new { content = "我又不是要带刀来，就是那个医生说话太难听了。", departmentCodes = new[] { "F3" } })).GetProperty("id").GetInt32();
        (await RiskOf(b)).ShouldNotBe("high");
        (await app.MessagesAsync("feedback-second-look", a)).Single().RecipientMasked.ShouldBe("值班医患办");

        var queue = await office.GetFromJsonAsync<JsonElement>("/api/feedback?view=second-look");
        Ids(queue).ShouldContain(a);

        var noReason = await office.PostAsJsonAsync($"/api/feedback/{a}/second-look/dismiss", new { });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("text");
        var dismissed = await office.PostAsJsonAsync($"/api/feedback/{a}/second-look/dismiss", new { text = "家属明确表示不会闹事，诉求是病情解释" });
        dismissed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var d = await dismissed.Content.ReadFromJsonAsync<JsonElement>();
        d.GetProperty("secondLook").GetProperty("outcome").GetString().ShouldBe("dismissed");
        d.GetProperty("riskLevel").GetString().ShouldNotBe("high");
        (await office.PostAsJsonAsync($"/api/feedback/{a}/second-look/dismiss", new { text = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Ids(await office.GetFromJsonAsync<JsonElement>("/api/feedback?view=second-look")).ShouldNotContain(a);
        // Kept as labelled data, with the risk level the office decided.
        (await app.WithDbAsync(db => db.TriageOverrides.Where(o => o.CaseId == a).Select(o => o.RiskLevel).ToListAsync())).ShouldBe([negatedRisk]);

        var confirmed = await office.PostAsJsonAsync($"/api/feedback/{b}/second-look/confirm", new { text = "电话中家属反复提到带刀，按高危处理" });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var c = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        c.GetProperty("riskLevel").GetString().ShouldBe("high");
        c.GetProperty("alertOpen").GetBoolean().ShouldBeTrue();
        (await app.MessagesAsync("feedback-high-risk", b)).ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.TriageOverrides.Where(o => o.CaseId == b).Select(o => o.RiskLevel).ToListAsync())).ShouldBe(["high"]);
    }

    [Fact]
    public async Task A_second_look_not_cleared_within_two_hours_is_escalated_once_to_the_office_lead()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "我没想过要去医院门口摆花圈，就是想要个说法。", departmentCodes = new[] { "F3" } });
        var id = created.GetProperty("id").GetInt32();
        await app.RunJobsAsync();
        (await app.MessagesAsync("feedback-second-look-overdue", id)).ShouldBeEmpty();
        await app.WithDbAsync(db => db.FeedbackCases.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SecondLookDueBy, DateTime.UtcNow.AddMinutes(-1))));
        (await app.RunJobsAsync()).SecondLooksOverdue.ShouldBeGreaterThanOrEqualTo(1);
        await app.RunJobsAsync();
        (await app.MessagesAsync("feedback-second-look-overdue", id)).Single().RecipientMasked.ShouldBe("医患办主任");
        (await app.WithDbAsync(db => db.FeedbackCaseEvents.CountAsync(e => e.CaseId == id && e.Kind == "second-look-overdue"))).ShouldBe(1);
    }

    [Fact]
    public async Task Staff_who_heard_a_threat_force_high_and_the_public_may_not()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.look3@test.local", [Roles.PatientRelations]);
        var created = await app.CreateAsync(office, new { type = "complaint", content = "家属在电话里情绪激动，要求主任回电", channel = "phone", threatReported = true, departmentCodes = new[] { "F3" } });
        created.GetProperty("riskLevel").GetString().ShouldBe("high");
        var id = created.GetProperty("id").GetInt32();
        (await office.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}")).GetProperty("threatReported").GetBoolean().ShouldBeTrue();

        var refused = await app.AnonymousClient().PostAsJsonAsync("/api/feedback", new { content = "挂号排队太久", threatReported = true });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("threatReported");
    }
}
