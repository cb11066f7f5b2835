using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16, defect 10: patient and case data, staff pages and exports are never cached; no Server header.</summary>
public class NoStoreTests(HardeningFixture app) : IClassFixture<HardeningFixture>
{
    [Fact]
    public async Task Patient_and_case_json_and_exports_say_no_store()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.cache@test.local", [Roles.PatientRelations]);
        foreach (var url in new[] { $"/api/patients/{app.PatientId}", "/api/patients", "/api/encounters", "/api/feedback", "/api/patients/export?format=csv",
                     "/api/encounters/export?format=xlsx", "/api/feedback/export?format=csv", "/api/feedback/999999", "/fhir/Patient" })
        {
            var resp = await office.GetAsync(url);
            resp.Headers.CacheControl?.NoStore.ShouldBe(true, $"{url} ({(int)resp.StatusCode})");
        }
        var revealed = await office.PostAsync($"/api/patients/{app.PatientId}/reveal", System.Net.Http.Json.JsonContent.Create(new { reason = "identity-check" }));
        revealed.Headers.CacheControl?.NoStore.ShouldBe(true);
    }

    [Fact]
    public async Task Staff_pages_say_no_store_and_static_files_stay_cacheable()
    {
        await app.SeedAsync();
        var browser = await CookieBrowser.AdminAsync(app);
        foreach (var url in new[] { "/Staff", "/Staff/Patients", "/Staff/Feedback", "/Staff/Patients/Encounters" })
        {
            var resp = await browser.Client.GetAsync(url);
            resp.Headers.CacheControl?.NoStore.ShouldBe(true, url);
        }
        var css = await browser.Client.GetAsync("/css/site.css");
        (css.Headers.CacheControl?.NoStore ?? false).ShouldBeFalse();
    }

    [Fact]
    public void Kestrel_sends_no_server_header() =>
        app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();
}
