using System.Net;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Pages.Feedback;

/// <summary>
/// Issue 8, defect 6: with two alerts pending the banner names both and acknowledges none; acknowledging happens on
/// the case, which shows who was alerted and when, and who acknowledged when. Its own fixture: the banner counts every alert.
/// </summary>
public class FeedbackAlertNamingTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task The_banner_names_each_pending_alert_and_the_case_page_acknowledges_that_case_and_shows_who_was_alerted()
    {
        await app.SeedAsync();
        var first = (await app.CreateAsync(app.AnonymousClient(), new { content = "再不给说法我就带人来拉横幅堵门", departmentCodes = new[] { "F3" } })).GetProperty("id").GetInt32();
        var second = (await app.CreateAsync(app.AnonymousClient(), new { content = "我要拿刀砍了那个医生，同归于尽", departmentCodes = new[] { "F1" } })).GetProperty("id").GetInt32();
        var office = await CookieBrowser.WithRolesAsync(app, "office.naming@test.local", [Roles.PatientRelations]);

        var home = await office.GetHtmlAsync("/Staff");
        home.ShouldContain("高危预警：2 件高危工单待确认");
        home.ShouldContain($"<li class=\"list-inline-item me-3\" data-alert-case=\"{first}\">");
        home.ShouldContain($"<li class=\"list-inline-item me-3\" data-alert-case=\"{second}\">");
        home.ShouldNotContain("value=\"alert-acknowledge\""); // the banner acknowledges nothing by itself
        home.ShouldContain($"href=\"/Staff/Feedback/Case/{second}#case-alert\" id=\"banner-open-alert\"");

        var url = $"/Staff/Feedback/Case/{first}";
        var page = await office.GetHtmlAsync(url);
        page.ShouldContain($"确认已知悉工单 #{first} 的高危预警");
        var notified = page[page.IndexOf("id=\"case-notified\"", StringComparison.Ordinal)..];
        notified.ShouldContain("值班医患办");
        notified.ShouldContain("保卫科值班");
        notified.ShouldContain("尚未确认");

        var form = HtmlForms.Single(page, "alert-acknowledge");
        var ack = await office.Client.PostAsync(form.Target(url), form.With([]));
        ack.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ack.Headers.Location!.OriginalString.ShouldBe($"{url}?done=alert-acknowledge");
        page = await office.GetHtmlAsync(ack.Headers.Location.OriginalString);
        page.ShouldContain($"已确认工单 #{first} 的高危预警");
        page.ShouldContain("id=\"alert-acknowledged\">高危预警确认：");
        page[page.IndexOf("id=\"alert-acknowledged\"", StringComparison.Ordinal)..].ShouldContain("<strong>office.naming@test.local</strong>");

        home = await office.GetHtmlAsync("/Staff");
        home.ShouldContain("高危预警：1 件高危工单待确认");
        home.ShouldNotContain($"data-alert-case=\"{first}\"");
        home.ShouldContain($"data-alert-case=\"{second}\"");
    }
}
