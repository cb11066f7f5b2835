using System.Net;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Pages.Feedback;

/// <summary>Its own fixture: the banner counts every unacknowledged high-risk case in the database.</summary>
public class FeedbackAlertBannerTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task A_threat_raises_the_red_banner_on_every_staff_page_until_the_office_acknowledges_it()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.banner@test.local", [Roles.PatientRelations]);
        (await office.GetHtmlAsync("/Staff")).ShouldNotContain("feedback-alert-banner");

        var id = (await app.CreateAsync(app.AnonymousClient(), new { content = "再不给说法我就带人来拉横幅堵门", departmentCodes = new[] { "F3" } })).GetProperty("id").GetInt32();
        var home = await office.GetHtmlAsync("/Staff");
        home.ShouldContain("feedback-alert-banner");
        home.ShouldContain("高危预警：1 件高危工单待确认");
        home.ShouldContain($"href=\"/Staff/Feedback/Case/{id}#case-alert\"");
        (await office.GetHtmlAsync("/Staff/Patients")).ShouldContain("feedback-alert-banner");

        var f3Head = await CookieBrowser.WithRolesAsync(app, "head.f3.banner@test.local", [Roles.DepartmentHead], ["F3"]);
        var f3Page = await f3Head.GetHtmlAsync("/Staff");
        f3Page.ShouldContain("feedback-alert-banner");
        f3Page.ShouldNotContain("value=\"alert-acknowledge\""); // only the office acknowledges
        var otherHead = await CookieBrowser.WithRolesAsync(app, "head.f1.banner@test.local", [Roles.DepartmentHead], ["F1"]);
        (await otherHead.GetHtmlAsync("/Staff")).ShouldNotContain("feedback-alert-banner");
        (await CookieBrowser.Anonymous(app).Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ack = await office.PostFormAsync("/Staff", $"/Staff/Feedback/Case/{id}", new Dictionary<string, string> { ["act"] = "alert-acknowledge", ["returnUrl"] = "/Staff" });
        ack.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ack.Headers.Location!.OriginalString.ShouldBe("/Staff");
        (await office.GetHtmlAsync("/Staff")).ShouldNotContain("feedback-alert-banner");
        (await f3Head.GetHtmlAsync("/Staff")).ShouldNotContain("feedback-alert-banner");
        (await office.GetHtmlAsync($"/Staff/Feedback/Case/{id}")).ShouldContain("确认高危预警");
    }
}
