using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Feedback;

public class CaseWorkflowTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task The_office_reviews_the_reply_and_the_patient_sees_it_without_notes_or_names_then_rates_it()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "护士态度很差，对我妈妈大声呵斥", departmentCodes = new[] { "F1" }, name = "张伟", mobile = "13912345678", staffCode = "D1" });
        var id = created.GetProperty("id").GetInt32();
        var code = created.GetProperty("trackingCode").GetString()!;
        var head = await app.ClientWithRolesAsync("head.f1@test.local", [Roles.DepartmentHead], ["F1"]);
        var office = await app.ClientWithRolesAsync("office.flow@test.local", [Roles.PatientRelations]);

        (await office.PostAsJsonAsync($"/api/feedback/{id}/acknowledge", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await head.PostAsJsonAsync($"/api/feedback/{id}/notes", new { text = "内部：已约谈当班护士王某" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await head.PostAsJsonAsync($"/api/feedback/{id}/reply", new { text = "已对当班护士进行批评教育，向您致歉。" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Department heads draft; only the office sends.
        (await head.PostAsJsonAsync($"/api/feedback/{id}/reply/send", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var track = await app.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/feedback/track/{code}");
        track.GetProperty("reply").ValueKind.ShouldBe(JsonValueKind.Null);
        track.GetProperty("status").GetString().ShouldBe("in-progress");

        var sent = await office.PostAsJsonAsync($"/api/feedback/{id}/reply/send", new { });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("replied");

        var page = await app.AnonymousClient().GetStringAsync($"/api/feedback/track/{code}");
        page.ShouldContain("已对当班护士进行批评教育");
        page.ShouldNotContain("内部");
        page.ShouldNotContain("王某");
        page.ShouldNotContain("张伟");
        page.ShouldNotContain("head.f1");
        page.ShouldNotContain("office.flow");
        page.ShouldNotContain("医生D1");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var sms = await db.OutboxMessages.SingleAsync(m => m.Kind == "feedback-reply" && m.Correlation == $"feedback:{id}");
            sms.RecipientMasked.ShouldBe("139****5678");
            sms.Body.ShouldContain(code);
        }

        var rated = await app.AnonymousClient().PostAsJsonAsync($"/api/feedback/track/{code}/rating", new { rating = 4, comment = "处理及时" });
        rated.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await app.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/feedback/track/{code}");
        after.GetProperty("status").GetString().ShouldBe("closed");
        after.GetProperty("rating").GetInt32().ShouldBe(4);
        (await app.AnonymousClient().PostAsJsonAsync($"/api/feedback/track/{code}/rating", new { rating = 5 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}");
        detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .ShouldBe(["created", "acknowledged", "note", "reply-drafted", "status", "reply-sent", "status", "rated", "status"]);
    }

    [Fact]
    public async Task A_duplicate_is_merged_and_its_code_follows_the_other_case()
    {
        await app.SeedAsync();
        var a = await app.CreateAsync(app.AnonymousClient(), new { content = "病房厕所堵了两天没人修" });
        var b = await app.CreateAsync(app.AnonymousClient(), new { content = "病房的厕所堵了，一直没人修" });
        var office = await app.ClientWithRolesAsync("office.flow@test.local", [Roles.PatientRelations]);
        var merged = await office.PostAsJsonAsync($"/api/feedback/{b.GetProperty("id").GetInt32()}/merge", new { intoCaseId = a.GetProperty("id").GetInt32() });
        merged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mergedIntoId").GetInt32().ShouldBe(a.GetProperty("id").GetInt32());
        var track = await app.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/feedback/track/{b.GetProperty("trackingCode").GetString()}");
        track.GetProperty("trackingCode").GetString().ShouldBe(b.GetProperty("trackingCode").GetString());
        track.GetProperty("status").GetString().ShouldBe("new");
        (await office.PostAsJsonAsync($"/api/feedback/{a.GetProperty("id").GetInt32()}/merge", new { intoCaseId = 999999 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_correction_of_triage_is_kept_as_labelled_data()
    {
        await app.SeedAsync();
        var c = await app.CreateAsync(app.AnonymousClient(), new { content = "我要一个说法" });
        var office = await app.ClientWithRolesAsync("office.flow@test.local", [Roles.PatientRelations]);
        var id = c.GetProperty("id").GetInt32();
        (await office.PostAsJsonAsync($"/api/feedback/{id}/classification", new { category = "cost", riskLevel = "medium" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/classification", new { category = "gossip" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var o = await db.TriageOverrides.SingleAsync(x => x.CaseId == id);
        (o.Category, o.RiskLevel, o.Text).ShouldBe(("cost", "medium", "我要一个说法"));
    }

    [Fact]
    public async Task Unknown_case_and_unknown_tracking_code_are_404()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.flow@test.local", [Roles.PatientRelations]);
        (await office.GetAsync("/api/feedback/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.PostAsJsonAsync("/api/feedback/987654/close", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.AnonymousClient().GetAsync("/api/feedback/track/ABCDEFGHJKMN")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
