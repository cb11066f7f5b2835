using System.Net;
using TrustBridge.Web.Tests.Surveys;

namespace TrustBridge.Web.Tests.Pages.Surveys;

public class WavePagesTests(WaveFixture app) : IClassFixture<WaveFixture>
{
    private const string Create = "/Staff/Surveys/Waves/Create";

    [Fact]
    public async Task The_wave_form_shows_errors_next_to_their_fields()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.waveform@test.local", ["PatientRelations"]);
        var resp = await office.PostFormAsync(Create, Create, new Dictionary<string, string>
        {
            ["Form.Name"] = "", ["Form.Instrument"] = "trust-10", ["Form.PeriodFrom"] = "2026-10-31", ["Form.PeriodTo"] = "2026-08-01",
            ["Form.Margin"] = "0.9", ["Form.ResponseRate"] = "0.5",
        });
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await resp.Content.ReadAsStringAsync();
        html.ShouldContain("请填写批次名称。");
        html.ShouldContain("开始日期不能晚于结束日期。");
        html.ShouldContain("允许误差应在 0 到 0.5 之间（例如 0.05）。");
        html.ShouldContain("请至少选择一个科室。");
        html.ShouldContain("class=\"form-control is-invalid\" id=\"Form_Margin\"");

        var unreadable = await office.PostFormAsync(Create, Create, new Dictionary<string, string> { ["Form.Name"] = "x", ["Form.Seed"] = "abc" });
        (await unreadable.Content.ReadAsStringAsync()).ShouldContain("class=\"form-control is-invalid\" id=\"Form_Seed\"");
    }

    [Fact]
    public async Task A_created_wave_shows_its_strata_exclusions_and_masked_invitations_and_sends()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.wavepage@test.local", ["PatientRelations"]);
        var resp = await office.PostFormAsync(Create, Create,
        [
            new("Form.Name", "门诊满意度（页面）"), new("Form.Instrument", "satisfaction-outpatient"), new("Form.PeriodFrom", "2026-08-01"),
            new("Form.PeriodTo", "2026-10-31"), new("Form.DepartmentCodes", "W1"), new("Form.DepartmentCodes", "W2"),
            new("Form.Margin", "0.2"), new("Form.ResponseRate", "0.5"), new("Form.Seed", "20261105"), new("Form.ContactDate", "2026-11-05"),
        ]);
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resp.Content.ReadAsStringAsync());
        var detailUrl = resp.Headers.Location!.OriginalString;
        detailUrl.ShouldStartWith("/Staff/Surveys/Waves/Detail/");

        var html = await office.GetHtmlAsync(detailUrl);
        html.ShouldContain("id=\"eligible\">80<");
        html.ShouldContain("<tr data-department=\"W1\"><td>消化内科 <span class=\"text-body-secondary\">W1</span></td><td class=\"text-end\">60</td><td class=\"text-end\">18</td><td class=\"text-end\">36</td></tr>");
        html.ShouldContain("<tr data-reason=\"under-18\"><td>未满 18 岁</td><td class=\"text-end\">5</td></tr>");
        html.ShouldContain("id=\"invitation-list\"");
        html.ShouldContain("138****");
        html.ShouldContain("第 1–50 条，共 56 条");
        html.ShouldNotContain("13800000001");

        var sent = await office.PostFormAsync(detailUrl, detailUrl + "?handler=Send", new Dictionary<string, string>());
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetHtmlAsync(detailUrl)).ShouldContain("已将 56 条短信邀请放入发送队列。");
        (await office.GetHtmlAsync("/Staff/Surveys/Waves")).ShouldContain("门诊满意度（页面）");

        // Other staff see the sample but not the drawn patients, and cannot send.
        var head = await CookieBrowser.WithRolesAsync(app, "head.wavepage@test.local", ["DepartmentHead"], ["W1"]);
        var seen = await head.GetHtmlAsync(detailUrl);
        seen.ShouldContain("id=\"strata\"");
        seen.ShouldNotContain("id=\"invitation-list\"");
        (await head.PostFormAsync(detailUrl, detailUrl + "?handler=Send", new Dictionary<string, string>())).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
