using System.Net;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Disputes;
using static TrustBridge.Web.Tests.Disputes.DisputeFixture;

namespace TrustBridge.Web.Tests.Pages.Disputes;

/// <summary>The queue and the dispute page without JavaScript: forms with anti-forgery tokens, errors naming the field, the clinician's glimpse.</summary>
public class DisputePagesTests(DisputeFixture app) : IClassFixture<DisputeFixture>
{
    [Fact]
    public async Task The_office_registers_a_dispute_works_it_on_its_page_and_finds_it_in_the_queue()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.pages@test.local", [Roles.PatientRelations]);
        var created = await office.PostFormAsync("/Staff/Disputes/New", "/Staff/Disputes/New", new Dictionary<string, string>
        {
            ["patientMrn"] = "MRN-F1", ["departmentCodes"] = "F1", ["staffCodes"] = "D1", ["claim"] = "术后出血，要求赔偿", ["claimedAmount"] = "80000", ["arisenOn"] = "2026-09-20", ["severity"] = "severe",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = created.Headers.Location!.OriginalString;
        var html = await office.GetHtmlAsync(page);
        html.ShouldContain("dispute-reference");
        html.ShouldContain("重大纠纷"); // severe is major by default
        html.ShouldContain("术后出血，要求赔偿");

        var route = await office.PostFormAsync(page, page + "?handler=Route", new Dictionary<string, string> { ["Route"] = "people-mediation", ["AcceptedOn"] = "2026-09-24", ["Body"] = "市医调委" });
        route.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html = await office.GetHtmlAsync(page);
        html.ShouldContain("2026-11-12 23:59");

        var bad = await office.PostFormAsync(page, page + "?handler=Payment", new Dictionary<string, string> { ["Payer"] = "hospital", ["Amount"] = "500", ["PaidOn"] = "2026-10-01" });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("data-field=\"amount\"");

        var queue = await office.GetHtmlAsync("/Staff/Disputes?view=major");
        queue.ShouldContain(page);
        (await office.GetHtmlAsync("/Staff/Disputes?q=术后出血")).ShouldContain(page);
        (await office.GetHtmlAsync("/Staff/Disputes?route=litigation")).ShouldNotContain(page);
        (await office.GetHtmlAsync(page + "/Print?doc=notice")).ShouldContain("医疗纠纷告知书");

        var head = await CookieBrowser.WithRolesAsync(app, "head.pages@test.local", [Roles.DepartmentHead], ["F2"]);
        (await head.Client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var supervisor = await CookieBrowser.WithRolesAsync(app, "sup.pages@test.local", [Roles.Supervisor]);
        var readOnly = await supervisor.GetHtmlAsync(page);
        readOnly.ShouldContain("术后出血");
        readOnly.ShouldNotContain("handler=Route");
    }

    [Fact]
    public async Task The_accountability_decision_shows_on_the_staff_profile_to_those_allowed_and_the_plan_on_the_improvement_page()
    {
        await app.SeedAsync();
        var api = await app.ClientWithRolesAsync("office.profile@test.local", [Roles.PatientRelations]);
        var id = (await app.RegisterAsync(api, Basic("F2", "D2", 0m))).GetProperty("id").GetInt32();
        await PostAsync(api, $"/api/disputes/{id}/accountability", new { staffCode = "D2", decision = "circulated", reason = "告知不充分导致纠纷升级" });
        await PostAsync(api, $"/api/disputes/{id}/close", new { outcome = "no-liability", rootCauses = new[] { "communication" }, lessons = "加强术前谈话", openImprovementPlan = true });

        var office = await CookieBrowser.WithRolesAsync(app, "office.profile@test.local", [Roles.PatientRelations]);
        var profile = await office.GetHtmlAsync("/Staff/Organization/Staff/Profile/D2");
        profile.ShouldContain("staff-accountability");
        profile.ShouldContain("告知不充分导致纠纷升级");
        profile.ShouldContain("通报批评");
        var ownHead = await CookieBrowser.WithRolesAsync(app, "head.f2.profile@test.local", [Roles.DepartmentHead], ["F2"]);
        (await ownHead.GetHtmlAsync("/Staff/Organization/Staff/Profile/D2")).ShouldContain("告知不充分导致纠纷升级");
        var otherHead = await CookieBrowser.WithRolesAsync(app, "head.f1.profile@test.local", [Roles.DepartmentHead], ["F1"]);
        (await otherHead.GetHtmlAsync("/Staff/Organization/Staff/Profile/D2")).ShouldNotContain("staff-accountability");
        (await office.GetHtmlAsync("/Staff/Improvement")).ShouldContain("加强术前谈话");
    }
}
