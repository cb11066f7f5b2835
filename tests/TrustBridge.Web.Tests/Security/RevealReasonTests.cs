using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16, defect 6: a reveal of a patient's identifiers needs a listed reason or 4–500 characters of text.</summary>
public class RevealReasonTests(HardeningFixture app) : IClassFixture<HardeningFixture>
{
    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"reason":""}""")]
    [InlineData("""{"reason":"   "}""")]
    [InlineData("""{"reason":"看看"}""")]
    [InlineData(null)]
    public async Task A_reveal_without_a_reason_is_a_400_and_audits_nothing(string? json)
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.reveal@test.local", [Roles.PatientRelations]);
        var before = await RevealsAsync();
        var resp = await office.PostAsync($"/api/patients/{app.PatientId}/reveal",
            json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var text = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue(text);
        text.ShouldNotContain(HardeningFixture.Mobile);
        (await RevealsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_megabyte_reason_is_refused_before_it_reaches_the_audit()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.reveal@test.local", [Roles.PatientRelations]);
        var before = await RevealsAsync();
        var resp = await office.PostAsJsonAsync($"/api/patients/{app.PatientId}/reveal", new { reason = new string('因', 1_000_000) });
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.PostAsJsonAsync($"/api/patients/{app.PatientId}/reveal", new { reason = new string('因', 501) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RevealsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("follow-up-call", "follow-up-call: 电话回访")]
    [InlineData("  核对投诉人的身份  ", "核对投诉人的身份")]
    public async Task A_listed_reason_or_a_text_reveals_and_is_audited(string reason, string audited)
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.reveal@test.local", [Roles.PatientRelations]);
        var resp = await office.PostAsJsonAsync($"/api/patients/{app.PatientId}/reveal", new { reason });
        resp.StatusCode.ShouldBe(HttpStatusCode.OK, await resp.Content.ReadAsStringAsync());
        (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mobile").GetString().ShouldBe(HardeningFixture.Mobile);
        using var scope = app.Services.CreateScope();
        var last = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().AuditEntries
            .Where(a => a.Action == Web.Features.Audit.AuditActions.PatientIdentifiersRevealed).OrderByDescending(a => a.Sequence).FirstAsync();
        last.Detail!.ShouldContain(audited);
    }

    [Fact]
    public async Task The_page_asks_for_a_reason_and_reveals_with_a_listed_one()
    {
        await app.SeedAsync();
        var browser = await CookieBrowser.WithRolesAsync(app, "office.reveal.page@test.local", [Roles.PatientRelations]);
        var page = $"/Staff/Patients/Detail/{app.PatientId}";
        var before = await RevealsAsync();
        var refused = await browser.PostFormAsync(page, page + "?handler=Reveal", new() { ["Reason"] = "看", ["ReasonChoice"] = "" });
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("reason-problem");
        html.ShouldNotContain(HardeningFixture.Mobile);
        (await RevealsAsync()).ShouldBe(before);

        var shown = await browser.PostFormAsync(page, page + "?handler=Reveal", new() { ["Reason"] = "", ["ReasonChoice"] = "identity-check" });
        (await shown.Content.ReadAsStringAsync()).ShouldContain(HardeningFixture.Mobile);
        (await RevealsAsync()).ShouldBe(before + 1);
    }

    private async Task<int> RevealsAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrustDbContext>().AuditEntries
            .CountAsync(a => a.Action == Web.Features.Audit.AuditActions.PatientIdentifiersRevealed);
    }
}
