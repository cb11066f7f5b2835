using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Feedback;

public class CalendarApiTests(FeedbackOpsFixture app) : IClassFixture<FeedbackOpsFixture>
{
    private static object Complaint(string receivedAt) =>
        new { type = "complaint", content = "检查报告迟迟拿不到", channel = "phone", receivedAt, departmentCodes = new[] { "F1" } };

    [Fact]
    public async Task A_holiday_set_by_the_administrator_moves_new_deadlines_and_removing_it_restores_them()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.calendar@test.local", [Roles.PatientRelations]);
        var admin = await app.AdminClientAsync();
        const string received = "2026-11-09T10:00:00+08:00"; // a Monday
        var before = (await app.CreateAsync(office, Complaint(received))).GetProperty("dueBy").GetString()!;

        var put = await FeedbackOpsFixture.PutDayAsync(admin, "2026-11-10", new { kind = "holiday", name = "院庆" });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var day = await put.Content.ReadFromJsonAsync<JsonElement>();
        day.GetProperty("source").GetString().ShouldBe("hospital");
        var during = (await app.CreateAsync(office, Complaint(received))).GetProperty("dueBy").GetString()!;
        DateTimeOffset.Parse(during).ShouldBe(DateTimeOffset.Parse(before).AddDays(1)); // one working day fewer in the week

        var year = await admin.GetFromJsonAsync<JsonElement[]>("/api/calendar/days?year=2026");
        year!.Single(d => d.GetProperty("date").GetString() == "2026-11-10").GetProperty("name").GetString().ShouldBe("院庆");
        var national = year!.Single(d => d.GetProperty("date").GetString() == "2026-10-01");
        national.GetProperty("kind").GetString().ShouldBe("holiday");
        national.GetProperty("source").GetString().ShouldBe("shipped");
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendar/days/2026-11-10")).GetProperty("isWorkingDay").GetBoolean().ShouldBeFalse();

        (await admin.DeleteAsync("/api/calendar/days/2026-11-10")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = (await app.CreateAsync(office, Complaint(received))).GetProperty("dueBy").GetString()!;
        after.ShouldBe(before);
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendar/days/2026-11-10")).GetProperty("isWorkingDay").GetBoolean().ShouldBeTrue();
        (await admin.DeleteAsync("/api/calendar/days/2026-11-10")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "calendar-day" && a.EntityId == "2026-11-10").Select(a => a.Action).ToListAsync());
        audit.ShouldBe(["created", "deleted"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_swapped_working_day_on_a_weekend_counts()
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        (await admin.GetFromJsonAsync<JsonElement>("/api/calendar/days/2026-12-05")).GetProperty("isWorkingDay").GetBoolean().ShouldBeFalse(); // Saturday
        (await FeedbackOpsFixture.PutDayAsync(admin, "2026-12-05", new { kind = "workday", name = "调休上班" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var day = await admin.GetFromJsonAsync<JsonElement>("/api/calendar/days/2026-12-05");
        day.GetProperty("isWorkingDay").GetBoolean().ShouldBeTrue();
        day.GetProperty("kind").GetString().ShouldBe("workday");
    }

    [Fact]
    public async Task Only_administrators_change_the_calendar_but_staff_read_it()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.calendar@test.local", [Roles.PatientRelations]);
        (await FeedbackOpsFixture.PutDayAsync(office, "2026-11-11", new { kind = "holiday", name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.DeleteAsync("/api/calendar/days/2026-10-01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.GetAsync("/api/calendar/days?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AnonymousClient().GetAsync("/api/calendar/days?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithDbAsync(db => db.CalendarDays.CountAsync(d => d.Date == new DateOnly(2026, 11, 11)))).ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-11-12", """{"kind":"vacation","name":"x"}""", "kind")]
    [InlineData("2026-11-12", """{"kind":"holiday","name":"  "}""", "name")]
    [InlineData("2026-11-12", """{"kind":"holiday","name":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"}""", "name")]
    [InlineData("2026-13-45", """{"kind":"holiday","name":"x"}""", "date")]
    [InlineData("tomorrow", """{"kind":"holiday","name":"x"}""", "date")]
    public async Task Bad_changes_are_400_naming_the_field(string date, string json, string field)
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        var resp = await admin.PutAsync($"/api/calendar/days/{date}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await resp.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await admin.DeleteAsync($"/api/calendar/days/{date}")).StatusCode.ShouldBe(date == "2026-11-12" ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/calendar/days?year=1900")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
