using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Feedback;

public class FeedbackIntakeTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task An_anonymous_complaint_gets_a_tracking_code_triage_and_deadlines_in_hospital_time()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "挂号排队等了三个小时，窗口只开一个，太慢了", departmentCodes = new[] { "F1" }, name = "李明", mobile = "138 0013 8000" });
        created.GetProperty("trackingCode").GetString()!.Length.ShouldBe(12);
        created.GetProperty("type").GetString().ShouldBe("complaint");
        created.GetProperty("status").GetString().ShouldBe("new");
        created.TryGetProperty("riskLevel", out _).ShouldBeFalse(); // the public never learn how a case was triaged
        created.GetProperty("dueBy").GetString()!.ShouldEndWith("T23:59:59+08:00");
        created.GetProperty("receivedAt").GetString()!.ShouldEndWith("+08:00");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var stored = await db.FeedbackCases.SingleAsync(c => c.Id == created.GetProperty("id").GetInt32());
        stored.Channel.ShouldBe("api");
        stored.MobileMasked.ShouldBe("138****8000");
        stored.MobileEncrypted.ShouldNotBeNull();
        stored.MobileEncrypted.ShouldNotContain("13800138000");
        stored.MobileHash.ShouldNotBeNull();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "feedback-case" && a.EntityId == stored.Id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task Staff_entry_across_the_national_day_pins_the_worked_example()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.intake@test.local", [Roles.PatientRelations]);
        var one = await app.CreateAsync(office, new { type = "complaint", content = "医生没有解释手术风险", channel = "phone", receivedAt = "2026-09-30T15:00:00+08:00", departmentCodes = new[] { "F1" } });
        one.GetProperty("acknowledgeBy").GetString().ShouldBe("2026-10-08T23:59:59+08:00");
        one.GetProperty("dueBy").GetString().ShouldBe("2026-10-13T23:59:59+08:00");
        one.GetProperty("status").GetString().ShouldBe("acknowledged"); // taken in person: received by the one who took it
        var two = await app.CreateAsync(office, new { type = "complaint", content = "两个科室互相推诿", channel = "visit", receivedAt = "2026-09-30T15:00:00+08:00", departmentCodes = new[] { "F1", "F2" } });
        two.GetProperty("dueBy").GetString().ShouldBe("2026-10-20T23:59:59+08:00");
    }

    [Fact]
    public async Task A_calendar_entry_changes_the_deadline()
    {
        await app.SeedAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            db.CalendarDays.Add(new CalendarDayEntry { Date = new DateOnly(2026, 3, 10), Kind = "holiday", Name = "院庆", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var office = await app.ClientWithRolesAsync("office.intake@test.local", [Roles.PatientRelations]);
        // Received Monday 2026-03-09; Tuesday is now a holiday: Wed 11, Thu 12, Fri 13, Mon 16, Tue 17.
        var c = await app.CreateAsync(office, new { type = "suggestion", content = "建议门诊增加自助机", channel = "letter", receivedAt = "2026-03-09T10:00:00+08:00" });
        c.GetProperty("acknowledgeBy").GetString().ShouldBe("2026-03-11T23:59:59+08:00");
        c.GetProperty("dueBy").GetString().ShouldBe("2026-03-17T23:59:59+08:00");
    }

    [Theory]
    [InlineData("""{"content":""}""", "content")]
    [InlineData("""{"content":"x","type":"rant"}""", "type")]
    [InlineData("""{"content":"x","departmentCodes":["NOPE"]}""", "departmentCodes")]
    [InlineData("""{"content":"x","mobile":"12345"}""", "mobile")]
    [InlineData("""{"content":"x","channel":"phone"}""", "channel")]
    [InlineData("""{"content":"x","receivedAt":"2026-09-30T15:00:00+08:00"}""", "receivedAt")]
    [InlineData("""{"content":"x","channel":"pigeon"}""", "channel")]
    public async Task Bad_public_input_is_a_problem_naming_the_field_and_stores_nothing(string json, string field)
    {
        await app.SeedAsync();
        var before = await CountAsync();
        var resp = await app.AnonymousClient().PostAsync("/api/feedback", new StringContent(json, Encoding.UTF8, "application/json"));
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await resp.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(await resp.Content.ReadAsStringAsync());
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Oversized_content_and_malformed_json_are_rejected()
    {
        await app.SeedAsync();
        var client = app.AnonymousClient();
        var big = await client.PostAsJsonAsync("/api/feedback", new { content = new string('长', 20_001) });
        big.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await big.Content.ReadAsStringAsync()).ShouldContain("content");
        var bad = await client.PostAsync("/api/feedback", new StringContent("{\"content\": \"x\"", Encoding.UTF8, "application/json"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("JSON");
    }

    [Fact]
    public async Task Html_in_the_content_is_kept_as_text()
    {
        await app.SeedAsync();
        var c = await app.CreateAsync(app.AnonymousClient(), new { content = "<script>alert(1)</script> 厕所太脏" });
        var track = await app.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/feedback/track/{c.GetProperty("trackingCode").GetString()}");
        track.GetProperty("status").GetString().ShouldBe("new");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        (await db.FeedbackCases.SingleAsync(x => x.Id == c.GetProperty("id").GetInt32())).Content.ShouldStartWith("<script>alert(1)</script>");
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrustDbContext>().FeedbackCases.CountAsync();
    }
}
