using System.Net;
using TrustBridge.Web.Tests.Trust;

namespace TrustBridge.Web.Tests.Pages.Trust;

public class ImprovementPagesTests(LowAlarmFixture app) : IClassFixture<LowAlarmFixture>
{
    [Fact]
    public async Task The_office_evaluates_a_period_and_edits_the_plan_and_a_supervisor_only_reads_it()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.plans.page@test.local", ["PatientRelations"]);
        var evaluated = await office.PostFormAsync("/Staff/Improvement", "/Staff/Improvement?handler=Evaluate",
            new Dictionary<string, string> { ["instrument"] = "trust-10", ["from"] = "2026-07-01", ["to"] = "2026-09-30" });
        evaluated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await office.GetHtmlAsync("/Staff/Improvement");
        list.ShouldContain("评估完成，新开 1 项改进计划。");
        list.ShouldContain("data-department=\"L4\"");
        list.ShouldNotContain("data-department=\"L1\"");
        var id = System.Text.RegularExpressions.Regex.Match(list, "data-plan=\"(\\d+)\"").Groups[1].Value;

        var updated = await office.PostFormAsync("/Staff/Improvement", $"/Staff/Improvement?handler=Update&id={id}", new Dictionary<string, string>
        {
            ["plan.Owner"] = "医务处 王主任", ["plan.DueOn"] = "2026-12-31", ["plan.Status"] = "in-progress", ["plan.Notes"] = "沟通技巧培训",
        });
        updated.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var supervisor = await CookieBrowser.WithRolesAsync(app, "sup.plans.page@test.local", ["Supervisor"]);
        var read = await supervisor.GetHtmlAsync("/Staff/Improvement");
        read.ShouldContain("医务处 王主任");
        read.ShouldContain("2026-12-31");
        read.ShouldContain("进行中");
        read.ShouldNotContain("plan-form");
        read.ShouldNotContain("evaluate-form");
        var denied = await supervisor.PostFormAsync("/Staff/Improvement", $"/Staff/Improvement?handler=Update&id={id}",
            new Dictionary<string, string> { ["plan.Status"] = "done" });
        denied.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        (await office.GetHtmlAsync("/Staff/Improvement")).ShouldContain("进行中");

        // The department page lists its plan.
        (await office.GetHtmlAsync("/Staff/Trust/Department/L4?instrument=trust-10&from=2026-07-01&to=2026-09-30")).ShouldContain("医务处 王主任");
    }
}
