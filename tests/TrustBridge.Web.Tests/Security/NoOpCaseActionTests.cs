using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16, defect 11: an empty or no-op reclassify or link is a 400 and leaves no history or training row.</summary>
public class NoOpCaseActionTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Theory]
    [InlineData("classification", """{}""", "type")]
    [InlineData("classification", """{"text":"只是看看"}""", "type")]
    [InlineData("link", """{}""", "patientMrn")]
    [InlineData("link", """{"patientMrn":"  "}""", "patientMrn")]
    public async Task An_empty_action_is_a_400_with_no_history_and_no_training_row(string action, string body, string field)
    {
        var (office, id) = await CaseAsync();
        var (events, overrides) = await CountsAsync(id);
        var resp = await office.PostAsync($"/api/feedback/{id}/{action}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
        (await CountsAsync(id)).ShouldBe((events, overrides));
    }

    [Fact]
    public async Task A_reclassify_to_the_same_values_or_a_link_to_the_same_patient_is_refused_and_a_real_one_is_kept()
    {
        var (office, id) = await CaseAsync();
        var current = await (await office.GetAsync($"/api/feedback/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var same = new { type = current.GetProperty("type").GetString(), category = current.GetProperty("category").GetString(), riskLevel = current.GetProperty("riskLevel").GetString() };
        var counts = await CountsAsync(id);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/classification", same)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountsAsync(id)).ShouldBe(counts);

        var changed = await office.PostAsJsonAsync($"/api/feedback/{id}/classification", new { riskLevel = same.riskLevel == "low" ? "medium" : "low" });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await CountsAsync(id)).ShouldBe((counts.Events + 1, counts.Overrides + 1));

        (await office.PostAsJsonAsync($"/api/feedback/{id}/link", new { patientMrn = "MRN-F1" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var linked = await CountsAsync(id);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/link", new { patientMrn = "MRN-F1" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountsAsync(id)).ShouldBe(linked);
    }

    private async Task<(HttpClient Office, int Id)> CaseAsync()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.noop@test.local", [Roles.PatientRelations]);
        var created = await app.CreateAsync(office, new { type = "complaint", content = "候诊时间太长，没人解释", channel = "phone", departmentCodes = new[] { "F1" } });
        return (office, created.GetProperty("id").GetInt32());
    }

    private async Task<(int Events, int Overrides)> CountsAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        return (await db.FeedbackCaseEvents.CountAsync(e => e.CaseId == id), await db.TriageOverrides.CountAsync(o => o.CaseId == id));
    }
}
