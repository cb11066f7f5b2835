using System.Net;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Pages.Feedback;

/// <summary>
/// Every POST form of the feedback and symposium pages carries its own anti-forgery token, and is submitted here
/// exactly as served (issue 8, defect 2: the symposium detail forms answered a raw 400).
/// </summary>
public class FeedbackFormsTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static readonly List<KeyValuePair<string, string>> Symposium =
    [
        new("Form.HeldOn", "2026-11-12"), new("Form.Title", "表单座谈会"), new("Form.DepartmentCode", "F1"),
        new("Form.Participants[0].Name", "张三"), new("Form.Participants[0].Role", "patient"), new("Form.Participants[0].Mobile", "13800138009"),
    ];

    [Fact]
    public async Task The_symposium_detail_forms_post_with_their_own_token_and_do_what_they_say()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.forms@test.local", ["PatientRelations"]);
        var saved = await office.PostFormAsync("/Staff/Feedback/Symposia/Edit", "/Staff/Feedback/Symposia/Edit", Symposium);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = saved.Headers.Location!.OriginalString;

        var html = await office.GetHtmlAsync(url);
        html.ShouldContain("已登记座谈会，参会人员 1 位。"); // says what was saved (defect 16)
        var forms = HtmlForms.Posts(html);
        forms.Select(f => f.Id).ShouldContain("raise-item");
        forms.Select(f => f.Id).ShouldContain("report-form");
        forms.ShouldAllBe(f => f.Token != null);

        var raise = HtmlForms.Single(html, "raise-item");
        var raised = await office.Client.PostAsync(raise.Target(url), raise.With([new("Item.Content", "希望增加夜间门诊"), new("Item.Type", "suggestion")]));
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await raised.Content.ReadAsStringAsync());
        html = await office.GetHtmlAsync(raised.Headers.Location!.OriginalString);
        html.ShouldContain("希望增加夜间门诊");
        html.ShouldContain("意见已登记为工单");

        var report = HtmlForms.Single(html, "report-form");
        var sent = await office.Client.PostAsync(report.Target(url), report.With([new("ReportText", "感谢参加，夜间门诊方案已提交院办。")]));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        html = await office.GetHtmlAsync(sent.Headers.Location!.OriginalString);
        html.ShouldContain("id=\"report-messages\"");
    }

    [Fact]
    public async Task Every_post_form_on_the_feedback_pages_carries_a_token()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "候诊时间太长", departmentCodes = new[] { "F1" } });
        var id = created.GetProperty("id").GetInt32();
        var code = created.GetProperty("trackingCode").GetString();
        var office = await CookieBrowser.WithRolesAsync(app, "office.forms2@test.local", ["PatientRelations"]);
        var saved = await office.PostFormAsync("/Staff/Feedback/Symposia/Edit", "/Staff/Feedback/Symposia/Edit", Symposium);
        var pages = new[]
        {
            "/Staff/Feedback", $"/Staff/Feedback/Case/{id}", "/Staff/Feedback/New", "/Staff/Feedback/Symposia", "/Staff/Feedback/Symposia/Edit",
            saved.Headers.Location!.OriginalString, "/Staff/Feedback/Analytics", "/Staff/Feedback/Praise", "/Staff/Feedback/Posters",
        };
        foreach (var page in pages)
        {
            var forms = HtmlForms.Posts(await office.GetHtmlAsync(page));
            forms.ShouldNotBeEmpty(page); // the logout form at least
            foreach (var f in forms) f.Token.ShouldNotBeNull($"{page}: form {f.Id ?? f.Action} has no anti-forgery token");
        }
        var patient = CookieBrowser.Anonymous(app);
        foreach (var page in new[] { "/Patient/Feedback", $"/Patient/Track/{code}" })
            foreach (var f in HtmlForms.Posts(await patient.GetHtmlAsync(page)))
                f.Token.ShouldNotBeNull($"{page}: form {f.Id ?? f.Action} has no anti-forgery token");
    }
}
