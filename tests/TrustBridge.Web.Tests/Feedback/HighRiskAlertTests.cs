using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Feedback;

public class HighRiskAlertTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task A_threat_raises_an_alert_to_the_duty_desks_due_in_thirty_minutes_until_acknowledged()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "再不给说法我明天就带人来拉横幅堵门，砍了那个医生", departmentCodes = new[] { "F3" } });
        var id = created.GetProperty("id").GetInt32();
        // The anonymous caller is not told the case was flagged (issue 8, defect 9): no risk level, the ordinary acknowledge-by.
        created.TryGetProperty("riskLevel", out _).ShouldBeFalse();
        var received = DateTimeOffset.Parse(created.GetProperty("receivedAt").GetString()!);
        DateTimeOffset.Parse(created.GetProperty("acknowledgeBy").GetString()!).ShouldBeGreaterThan(received.AddHours(12));
        var track = await app.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/feedback/track/{created.GetProperty("trackingCode").GetString()}");
        track.GetProperty("acknowledgeBy").GetString().ShouldBe(created.GetProperty("acknowledgeBy").GetString());

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var alerts = await db.OutboxMessages.Where(m => m.Kind == "feedback-high-risk" && m.Correlation == $"feedback:{id}").ToListAsync();
            alerts.Select(a => a.RecipientMasked).OrderBy(x => x).ShouldBe(["保卫科值班", "值班医患办"]);
            alerts.ShouldAllBe(a => !a.Body.Contains("砍"));
        }

        var office = await app.ClientWithRolesAsync("office.alert@test.local", [Roles.PatientRelations]);
        var staffView = await office.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}");
        staffView.GetProperty("riskLevel").GetString().ShouldBe("high");
        DateTimeOffset.Parse(staffView.GetProperty("acknowledgeBy").GetString()!).ShouldBe(received.AddMinutes(30));
        var staffCreated = await app.CreateAsync(office, new { content = "再不给说法我明天就带人来拉横幅堵门，砍了那个医生", departmentCodes = new[] { "F3" } });
        staffCreated.GetProperty("riskLevel").GetString().ShouldBe("high"); // staff entering a case see its triage
        var queue = await office.GetFromJsonAsync<JsonElement>("/api/feedback?view=alerts");
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldContain(id);
        var ack = await office.PostAsJsonAsync($"/api/feedback/{id}/alert/acknowledge", new { });
        ack.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await ack.Content.ReadFromJsonAsync<JsonElement>();
        detail.GetProperty("alertOpen").GetBoolean().ShouldBeFalse();
        detail.GetProperty("status").GetString().ShouldBe("acknowledged");
        queue = await office.GetFromJsonAsync<JsonElement>("/api/feedback?view=alerts");
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldNotContain(id);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/alert/acknowledge", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
