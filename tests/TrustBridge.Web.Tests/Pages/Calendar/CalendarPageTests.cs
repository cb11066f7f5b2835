using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Pages.Calendar;

public class CalendarPageTests(FeedbackOpsFixture app) : IClassFixture<FeedbackOpsFixture>
{
    private const string Page = "/Staff/Calendar?year=2026";

    [Fact]
    public async Task The_year_view_colours_national_holidays_swapped_days_and_weekends()
    {
        var office = await CookieBrowser.WithRolesAsync(app, "office.calpage@test.local", [Roles.PatientRelations]);
        var html = await office.GetHtmlAsync(Page);
        html.ShouldContain("class=\"cal-day holiday\" data-date=\"2026-10-01\" data-working=\"0\"");
        html.ShouldContain("class=\"cal-day swapped\" data-date=\"2026-10-10\" data-working=\"1\""); // a Saturday worked
        html.ShouldContain("class=\"cal-day weekend\" data-date=\"2026-11-07\" data-working=\"0\"");
        html.ShouldContain("class=\"cal-day\" data-date=\"2026-11-09\" data-working=\"1\"");
        html.ShouldContain("不会重新计算");
        html.ShouldNotContain("id=\"calendar-set\""); // no form for non-administrators
        html.Split("<section class=\"card cal-month").Length.ShouldBe(13);
    }

    [Fact]
    public async Task An_administrator_sets_and_removes_a_day_and_others_may_not()
    {
        var admin = await CookieBrowser.AdminAsync(app);
        var set = await admin.PostFormAsync(Page, "/Staff/Calendar?handler=Set&year=2026", new Dictionary<string, string> { ["Date"] = "2026-11-20", ["Kind"] = "holiday", ["Name"] = "院庆日" });
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await admin.GetHtmlAsync(Page);
        html.ShouldContain("class=\"cal-day holiday hospital\" data-date=\"2026-11-20\" data-working=\"0\" title=\"2026-11-20 院庆日\"");
        html.ShouldContain("院庆日");

        var bad = await admin.PostFormAsync(Page, "/Staff/Calendar?handler=Set&year=2026", new Dictionary<string, string> { ["Date"] = "2026-11-21", ["Kind"] = "vacation", ["Name"] = "" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain("请选择“休息（节假日）”或“上班（调休）”。");
        badHtml.ShouldContain("请填写名称，最多 50 个字。");

        var office = await CookieBrowser.WithRolesAsync(app, "office.calpage2@test.local", [Roles.PatientRelations]);
        var denied = await office.PostFormAsync(Page, "/Staff/Calendar?handler=Remove&year=2026", new Dictionary<string, string> { ["Date"] = "2026-11-20" });
        denied.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        (await app.WithDbAsync(db => db.CalendarDays.CountAsync(d => d.Date == new DateOnly(2026, 11, 20)))).ShouldBe(1);

        var removed = await admin.PostFormAsync(Page, "/Staff/Calendar?handler=Remove&year=2026", new Dictionary<string, string> { ["Date"] = "2026-11-20" });
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.CalendarDays.CountAsync(d => d.Date == new DateOnly(2026, 11, 20)))).ShouldBe(0);
        (await admin.GetHtmlAsync(Page)).ShouldContain("class=\"cal-day\" data-date=\"2026-11-20\" data-working=\"1\"");
    }
}
