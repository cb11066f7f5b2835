using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using static TrustBridge.Web.Tests.Disputes.DisputeFixture;

namespace TrustBridge.Web.Tests.Disputes;

/// <summary>The bad input: 4xx problem details naming the field, and nothing half-written.</summary>
public class DisputeBadInputTests(DisputeFixture app) : IClassFixture<DisputeFixture>
{
    private async Task<(int Disputes, int Routes, int Payments, int Events)> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        return (await db.Disputes.CountAsync(), await db.DisputeRoutes.CountAsync(), await db.DisputePayments.CountAsync(), await db.DisputeEvents.CountAsync());
    }

    [Fact]
    public async Task Registration_names_the_bad_field_and_writes_nothing()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.bad@test.local", [Domain.Roles.PatientRelations]);
        var before = await CountsAsync();
        (await ProblemFieldAsync(await office.PostAsJsonAsync("/api/disputes", new { patientMrn = "NOPE", departmentCodes = new[] { "F1" }, claim = "x", arisenOn = "2026-09-01" }), 422)).ShouldBe("patientMrn");
        (await ProblemFieldAsync(await office.PostAsJsonAsync("/api/disputes", new { departmentCodes = new[] { "F1" }, staffCodes = new[] { "D404" }, claim = "x", arisenOn = "2026-09-01" }), 422)).ShouldBe("staffCodes");
        (await ProblemFieldAsync(await office.PostAsJsonAsync("/api/disputes", new { departmentCodes = new[] { "F1" }, claim = "x", claimedAmount = -5m, arisenOn = "2026-09-01" }), 422)).ShouldBe("claimedAmount");
        (await ProblemFieldAsync(await office.PostAsJsonAsync("/api/disputes", new { departmentCodes = new[] { "F1" }, claim = "x", claimedAmount = 1.005m, arisenOn = "2026-09-01" }), 422)).ShouldBe("claimedAmount");
        var nonNumeric = await office.PostAsync("/api/disputes", new StringContent("""{"departmentCodes":["F1"],"claim":"x","claimedAmount":"lots","arisenOn":"2026-09-01"}""", Encoding.UTF8, "application/json"));
        nonNumeric.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nonNumeric.Content.ReadAsStringAsync()).ShouldContain("claimedAmount");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Route_payment_and_unseal_errors_name_the_field_and_change_nothing()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.bad2@test.local", [Domain.Roles.PatientRelations]);
        var id = (await app.RegisterAsync(office, Basic())).GetProperty("id").GetInt32();
        var before = await CountsAsync();
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/routes", new { route = "arbitration", acceptedOn = "2026-09-24" }), 422)).ShouldBe("route");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/routes", new { route = "negotiation", hospitalRepresentatives = 6 }), 422)).ShouldBe("hospitalRepresentatives");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/payments", new { payer = "hospital", amount = 10m, paidOn = "2026-10-01" }), 422)).ShouldBe("amount");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/payments", new { payer = "hospital", amount = -10m, paidOn = "2026-10-01" }), 422)).ShouldBe("amount");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/payments", new { payer = "bank", amount = 10m, paidOn = "2026-10-01" }), 422)).ShouldBe("payer");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/compensation/lines", new { lines = new[] { new { item = "medical", claimed = 5m, agreed = -1m } } }), 422)).ShouldBe("lines[0].agreed");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/appraisals", new { body = "市医学会", commissionedOn = "2026-10-01", liability = "most" }), 422)).ShouldBe("liability");
        (await ProblemFieldAsync(await office.PostAsJsonAsync($"/api/disputes/{id}/accountability", new { staffCode = "D404", decision = "education", reason = "x" }), 422)).ShouldBe("staffCode");
        (await CountsAsync()).ShouldBe(before);

        await PostAsync(office, $"/api/disputes/{id}/routes", new { route = "people-mediation", acceptedOn = "2026-09-24" });
        var second = await office.PostAsJsonAsync($"/api/disputes/{id}/routes", new { route = "administrative-mediation", appliedOn = "2026-09-25" });
        var problem = await JsonAsync(second, 409);
        problem.GetProperty("errors").GetProperty("route")[0].GetString()!.ShouldContain("mediation");
        var d = await office.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}");
        d.GetProperty("routes").GetArrayLength().ShouldBe(1);
        (await office.PostAsJsonAsync($"/api/disputes/{id}/routes", new { route = "people-mediation" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await office.GetAsync("/api/disputes/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.GetAsync("/api/disputes?view=someday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
