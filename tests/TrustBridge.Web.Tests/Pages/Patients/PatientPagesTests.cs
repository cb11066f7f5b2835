using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Infrastructure;
using TrustBridge.Web.Tests.Pages.Shared;

namespace TrustBridge.Web.Tests.Pages.Patients;

public class PatientPagesTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Patient_list_and_detail_show_the_mobile_masked_never_in_full()
    {
        var id = await RegistrySeed.PatientAsync(app, "P-MASK-1", "孙丽华", "13812345678", "PMK");
        foreach (var browser in new[] { await CookieBrowser.AdminAsync(app), await CookieBrowser.WithRolesAsync(app, "pr.mask@test.local", ["PatientRelations"]) })
        {
            var list = await browser.GetHtmlAsync("/Staff/Patients?q=P-MASK-1");
            list.ShouldContain("孙丽华");
            list.ShouldContain("138****5678");
            list.ShouldNotContain("13812345678");
            var detail = await browser.GetHtmlAsync($"/Staff/Patients/Detail/{id}");
            detail.ShouldContain("138****5678");
            detail.ShouldNotContain("13812345678");
            detail.ShouldContain("H-P-MASK-1"); // the encounter timeline
        }
    }

    [Fact]
    public async Task Reveal_shows_the_full_number_once_and_is_audited()
    {
        var id = await RegistrySeed.PatientAsync(app, "P-REVEAL-1", "周建华", "13987654321", "PRV");
        var browser = await CookieBrowser.WithRolesAsync(app, "pr.reveal@test.local", ["PatientRelations"]);
        var page = $"/Staff/Patients/Detail/{id}";
        (await browser.GetHtmlAsync(page)).ShouldContain("显示完整号码");

        var resp = await browser.PostFormAsync(page, page + "?handler=Reveal", new Dictionary<string, string> { ["Reason"] = "电话回访" });
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);
        resp.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await resp.Content.ReadAsStringAsync()).ShouldContain("13987654321");
        (await browser.GetHtmlAsync(page)).ShouldNotContain("13987654321");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var row = await db.AuditEntries.Where(a => a.Action == "patient.identifiers-revealed" && a.EntityId == "P-REVEAL-1").SingleAsync();
        row.UserName.ShouldBe("pr.reveal@test.local");
        row.Detail!.ShouldContain("电话回访");
    }

    [Fact]
    public async Task A_clinician_sees_no_reveal_button_and_cannot_post_one()
    {
        var id = await RegistrySeed.PatientAsync(app, "P-CLIN-1", "吴志强", "13711112222", "PCL");
        var browser = await CookieBrowser.WithRolesAsync(app, "clin.reveal@test.local", ["Clinician"], ["PCL"]);
        var page = $"/Staff/Patients/Detail/{id}";
        var html = await browser.GetHtmlAsync(page);
        html.ShouldContain("137****2222");
        html.ShouldNotContain("reveal-form");

        var token = CookieBrowser.TokenIn(html);
        var resp = await browser.Client.PostAsync(page + "?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resp.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        (await resp.Content.ReadAsStringAsync()).ShouldNotContain("13711112222");
    }

    [Fact]
    public async Task A_clinician_sees_only_patients_of_their_departments()
    {
        await RegistrySeed.PatientAsync(app, "P-SCOPE-A", "郑在内", "13600000001", "SCA");
        await RegistrySeed.PatientAsync(app, "P-SCOPE-B", "钱在外", "13600000002", "SCB");
        var browser = await CookieBrowser.WithRolesAsync(app, "clin.scope@test.local", ["Clinician"], ["SCA"]);
        var html = await browser.GetHtmlAsync("/Staff/Patients?q=P-SCOPE");
        html.ShouldContain("郑在内");
        html.ShouldNotContain("钱在外");
    }

    [Fact]
    public async Task Encounter_list_filters_by_type_and_rejects_an_inverted_date_range()
    {
        await RegistrySeed.PatientAsync(app, "P-ENC-1", "冯晓敏", "13500000003", "ENC");
        var browser = await CookieBrowser.AdminAsync(app);
        (await browser.GetHtmlAsync("/Staff/Patients/Encounters?departmentCode=ENC&type=inpatient")).ShouldContain("H-P-ENC-1");
        (await browser.GetHtmlAsync("/Staff/Patients/Encounters?departmentCode=ENC&type=outpatient")).ShouldNotContain("H-P-ENC-1");
        (await browser.GetHtmlAsync("/Staff/Patients/Encounters?from=2026-12-01&to=2026-11-01")).ShouldContain("开始日期不能晚于结束日期");
        (await browser.GetHtmlAsync("/Staff/Patients/Encounters?from=not-a-date")).ShouldContain("日期格式应为 2026-11-22。");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        (await browser.GetHtmlAsync($"/Staff/Patients/Encounters?departmentCode=ENC&from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}")).ShouldContain("H-P-ENC-1");
        (await browser.GetHtmlAsync($"/Staff/Patients/Encounters?departmentCode=ENC&from={today.AddDays(-60):yyyy-MM-dd}&to={today.AddDays(-30):yyyy-MM-dd}")).ShouldNotContain("H-P-ENC-1");
    }

    [Fact]
    public async Task The_list_offers_a_masked_download_of_what_it_shows()
    {
        await RegistrySeed.PatientAsync(app, "P-DL-1", "钱伟", "13611112222", "PDL");
        var browser = await CookieBrowser.WithRolesAsync(app, "pr.download@test.local", ["PatientRelations"]);
        var list = await browser.GetHtmlAsync("/Staff/Patients?q=P-DL-1&page=1");
        list.ShouldContain("/api/patients/export?format=csv&amp;q=P-DL-1\"");
        list.ShouldContain("/api/patients/export?format=xlsx&amp;q=P-DL-1\"");
        var csv = await browser.GetHtmlAsync("/api/patients/export?format=csv&q=P-DL-1");
        csv.ShouldContain("钱伟");
        csv.ShouldContain("136****2222");
        csv.ShouldNotContain("13611112222");
    }
}

