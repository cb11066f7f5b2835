using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Tests.Feedback;

public class SymposiaTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage resp, HttpStatusCode expected)
    {
        var text = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static object ThreeParticipants(string title = "2026 年第四季度住院患者座谈会") => new
    {
        heldOn = "2026-11-10", title, location = "行政楼三楼会议室", departmentCode = "F1",
        minutes = "患者反映夜间陪护和科室间推诿问题。",
        participants = new object[]
        {
            new { name = "张三", role = "patient", mobile = "138 0013 8001" },
            new { name = "李四", role = "family" },
            new { role = "staff", staffCode = "D1", mobile = "13700138003" },
        },
    };

    [Fact]
    public async Task A_symposium_with_three_participants_raises_two_cases_counted_from_its_day_and_reports_back_to_those_with_a_mobile()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.symposium@test.local", [Roles.PatientRelations]);
        var created = await ReadAsync(await office.PostAsJsonAsync("/api/symposia", ThreeParticipants()), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var participants = created.GetProperty("participants").EnumerateArray().ToList();
        participants.Count.ShouldBe(3);
        participants[0].GetProperty("mobileMasked").GetString().ShouldBe("138****8001");
        participants[1].GetProperty("mobileMasked").ValueKind.ShouldBe(JsonValueKind.Null);
        participants[2].GetProperty("name").GetString().ShouldBe("医生D1"); // the staff code names the member
        participants[2].GetProperty("staffCode").GetString().ShouldBe("D1");
        created.GetRawText().ShouldNotContain("13800138001");

        // Received 2026-11-10 (Tuesday) at 09:00: reply by the 5th working day, Wed 11, Thu 12, Fri 13, Mon 16, Tue 17.
        var one = await ReadAsync(await office.PostAsJsonAsync($"/api/symposia/{id}/items",
            new { content = "住院部夜间陪护椅数量不够，家属只能坐地上", type = "suggestion", riskLevel = "low", departmentCodes = new[] { "F1" } }), HttpStatusCode.Created);
        one.GetProperty("receivedAt").GetString().ShouldBe("2026-11-10T09:00:00+08:00");
        one.GetProperty("acknowledgeBy").GetString().ShouldBe("2026-11-11T23:59:59+08:00");
        one.GetProperty("dueBy").GetString().ShouldBe("2026-11-17T23:59:59+08:00");
        // A complaint about two departments: the 10th working day, Tuesday 2026-11-24.
        var two = await ReadAsync(await office.PostAsJsonAsync($"/api/symposia/{id}/items",
            new { content = "心内科和消化科互相推诿，会诊拖了三天", type = "complaint", riskLevel = "low", departmentCodes = new[] { "F1", "F2" } }), HttpStatusCode.Created);
        two.GetProperty("dueBy").GetString().ShouldBe("2026-11-24T23:59:59+08:00");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var cases = await db.FeedbackCases.Where(c => c.SymposiumId == id).OrderBy(c => c.Id).ToListAsync();
            cases.Count.ShouldBe(2);
            cases.ShouldAllBe(c => c.Channel == "symposium");
            cases[0].Status.ShouldBe(CaseStatuses.New); // a symposium item still has to be received by the office
            // Close the first one with a reply, as the workflow would, so the report has something to say.
            cases[0].Status = CaseStatuses.Closed;
            cases[0].Reply = "已增加 20 把陪护椅。";
            await db.SaveChangesAsync();
        }

        var list = await ReadAsync(await office.GetAsync("/api/symposia?q=第四季度"), HttpStatusCode.OK);
        var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        row.GetProperty("participants").GetInt32().ShouldBe(3);
        row.GetProperty("items").GetInt32().ShouldBe(2);
        row.GetProperty("itemsClosed").GetInt32().ShouldBe(1);

        var detail = await ReadAsync(await office.GetAsync($"/api/symposia/{id}"), HttpStatusCode.OK);
        var draft = detail.GetProperty("reportDraft").GetString()!;
        draft.ShouldContain("已办结。答复：已增加 20 把陪护椅。");
        draft.ShouldContain("已登记，待受理");

        var reported = await ReadAsync(await office.PostAsJsonAsync($"/api/symposia/{id}/report", new { text = "感谢参加座谈会。陪护椅已增加，会诊流程正在整改。" }), HttpStatusCode.OK);
        reported.GetProperty("reportedAt").ValueKind.ShouldBe(JsonValueKind.String);
        reported.GetProperty("reportBack").GetString().ShouldBe("感谢参加座谈会。陪护椅已增加，会诊流程正在整改。");
        reported.GetProperty("reportMessages").EnumerateArray().Select(m => m.GetProperty("recipientMasked").GetString())
            .ShouldBe(["138****8001", "137****8003"]);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<PatientIdentifierProtector>();
            var messages = await db.OutboxMessages.Where(m => m.Kind == "symposium-report" && m.Correlation == $"symposium:{id}").OrderBy(m => m.Id).ToListAsync();
            messages.Count.ShouldBe(2); // the family member gave no mobile
            messages.ShouldAllBe(m => m.Channel == "sms" && m.Body.Contains("陪护椅已增加"));
            messages.Select(m => protector.Reveal(m.RecipientEncrypted)).ShouldBe(["13800138001", "13700138003"]);
            (await db.Symposia.SingleAsync(s => s.Id == id)).ReportedAt.ShouldNotBeNull();
            (await db.AuditEntries.CountAsync(a => a.Action == "symposium.reported" && a.EntityId == id.ToString())).ShouldBe(1);
        }

        // Once only: a second report would text everyone again.
        (await office.PostAsJsonAsync($"/api/symposia/{id}/report", new { text = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Updating_keeps_a_stored_mobile_when_left_blank_and_drops_participants_not_listed()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.symposium@test.local", [Roles.PatientRelations]);
        var created = await ReadAsync(await office.PostAsJsonAsync("/api/symposia", ThreeParticipants("更新测试座谈会")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var first = created.GetProperty("participants")[0].GetProperty("id").GetInt32();
        var updated = await ReadAsync(await office.PutAsJsonAsync($"/api/symposia/{id}", new
        {
            heldOn = "2026-11-11", title = "更新测试座谈会（改）",
            participants = new object[] { new { id = first, name = "张三", role = "patient" }, new { name = "王五", role = "family", mobile = "13600136006" } },
        }), HttpStatusCode.OK);
        updated.GetProperty("heldOn").GetString().ShouldBe("2026-11-11");
        updated.GetProperty("departmentCode").ValueKind.ShouldBe(JsonValueKind.Null);
        var people = updated.GetProperty("participants").EnumerateArray().ToList();
        people.Select(p => p.GetProperty("name").GetString()).ShouldBe(["张三", "王五"]);
        people[0].GetProperty("mobileMasked").GetString().ShouldBe("138****8001");
        people[1].GetProperty("mobileMasked").GetString().ShouldBe("136****6006");
        (await office.PutAsJsonAsync("/api/symposia/999999", new { heldOn = "2026-11-11", title = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_supervisor_reads_but_cannot_record_raise_or_report()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.symposium@test.local", [Roles.PatientRelations]);
        var id = (await ReadAsync(await office.PostAsJsonAsync("/api/symposia", ThreeParticipants("督导只读座谈会")), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var supervisor = await app.ClientWithRolesAsync("supervisor.symposium@test.local", [Roles.Supervisor]);
        (await supervisor.GetAsync($"/api/symposia/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.GetAsync("/api/symposia")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.PostAsJsonAsync("/api/symposia", ThreeParticipants())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.PutAsJsonAsync($"/api/symposia/{id}", ThreeParticipants())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.PostAsJsonAsync($"/api/symposia/{id}/items", new { content = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.PostAsJsonAsync($"/api/symposia/{id}/report", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AnonymousClient().GetAsync("/api/symposia")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> BadSymposia => new()
    {
        { """{"heldOn":"2026-11-10","title":"  "}""", "title" },
        { """{"title":"座谈会"}""", "heldOn" },
        { """{"heldOn":"2031-01-01","title":"座谈会"}""", "heldOn" },
        { """{"heldOn":"2026-11-10","title":"座谈会","departmentCode":"NOPE"}""", "departmentCode" },
        { """{"heldOn":"2026-11-10","title":"座谈会","participants":[{"name":"甲","role":"doctor"}]}""", "participants[0].role" },
        { """{"heldOn":"2026-11-10","title":"座谈会","participants":[{"name":"甲","role":"patient"},{"name":"乙","role":"family","mobile":"12345"}]}""", "participants[1].mobile" },
        { """{"heldOn":"2026-11-10","title":"座谈会","participants":[{"role":"staff","staffCode":"NOPE"}]}""", "participants[0].staffCode" },
        { """{"heldOn":"2026-11-10","title":"座谈会","participants":[{"role":"patient"}]}""", "participants[0].name" },
    };

    [Theory]
    [MemberData(nameof(BadSymposia))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_stores_nothing(string json, string field)
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.symposium@test.local", [Roles.PatientRelations]);
        int before;
        using (var scope = app.Services.CreateScope()) before = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().Symposia.CountAsync();
        var problem = await ReadAsync(await office.PostAsync("/api/symposia", new StringContent(json, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.GetRawText());
        using (var scope = app.Services.CreateScope()) (await scope.ServiceProvider.GetRequiredService<TrustDbContext>().Symposia.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_item_names_its_field_and_a_future_symposium_cannot_raise_items_yet()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.symposium@test.local", [Roles.PatientRelations]);
        var id = (await ReadAsync(await office.PostAsJsonAsync("/api/symposia", ThreeParticipants("意见校验座谈会")), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var empty = await ReadAsync(await office.PostAsJsonAsync($"/api/symposia/{id}/items", new { content = " " }), HttpStatusCode.BadRequest);
        empty.GetProperty("errors").TryGetProperty("content", out _).ShouldBeTrue();
        var dept = await ReadAsync(await office.PostAsJsonAsync($"/api/symposia/{id}/items", new { content = "意见", departmentCodes = new[] { "NOPE" } }), HttpStatusCode.BadRequest);
        dept.GetProperty("errors").TryGetProperty("departmentCodes", out _).ShouldBeTrue();
        (await office.PostAsJsonAsync("/api/symposia/999999/items", new { content = "意见" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = (await ReadAsync(await office.PostAsJsonAsync("/api/symposia", new { heldOn = tomorrow, title = "下周座谈会" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        (await office.PostAsJsonAsync($"/api/symposia/{future}/items", new { content = "意见" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
