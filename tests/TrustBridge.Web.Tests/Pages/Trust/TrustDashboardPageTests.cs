using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrustBridge.Web.Tests.Trust;

namespace TrustBridge.Web.Tests.Pages.Trust;

public partial class TrustDashboardPageTests(LowAlarmFixture app) : IClassFixture<LowAlarmFixture>
{
    private const string Quarter = "instrument=trust-10&from=2026-07-01&to=2026-09-30";

    private static JsonElement Embedded(string html, string id)
    {
        var m = Regex.Match(html, $"<script type=\"application/json\" id=\"{id}\">(.*?)</script>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"the page embeds no {id}");
        return JsonDocument.Parse(m.Groups[1].Value).RootElement;
    }

    private static string Row(string html, string code)
    {
        var m = Regex.Match(html, $"<tr data-unit=\"{code}\" data-flag=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"no row for {code}");
        return m.Value;
    }

    [Fact]
    public async Task The_dashboard_flags_the_low_alarm_department_and_embeds_the_funnel()
    {
        await app.SeedAsync();
        var executive = await CookieBrowser.WithRolesAsync(app, "exec.dash@test.local", ["Executive"]);
        var html = await executive.GetHtmlAsync($"/Staff/Trust?{Quarter}&source=sampled&unit=department");

        Row(html, "L4").ShouldContain("data-flag=\"low-alarm\"");
        Row(html, "L4").ShouldContain("低信任预警");
        Row(html, "L1").ShouldContain("data-flag=\"within\"");
        Row(html, "L1").ShouldContain("80.0%");
        html.ShouldContain("id=\"hospital-rate\">71.3%");

        var funnel = Embedded(html, "funnel-data");
        var points = funnel.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        points.Keys.Order().ShouldBe(["L1", "L2", "L3", "L4"]);
        points["L4"].GetProperty("flag").GetString().ShouldBe("low-alarm");
        points["L4"].GetProperty("rate").GetDouble().ShouldBe(0.45, 1e-12);
        funnel.GetProperty("target").GetDouble().ShouldBe(0.7125, 1e-12);

        // The limit curves come from p0 and φ across n: at n = 100 they are the report's own limits.
        var curves = funnel.GetProperty("curves");
        var ns = curves.GetProperty("n").EnumerateArray().Select(n => n.GetInt32()).ToList();
        ns.First().ShouldBe(10); // the funnel starts at the reportable n: nothing smaller is charted
        ns.Last().ShouldBeGreaterThanOrEqualTo(100);
        var at100 = ns.IndexOf(ns.OrderBy(n => Math.Abs(n - 100)).First());
        var n100 = ns[at100];
        curves.GetProperty("lower998")[at100].GetDouble().ShouldBe(0.7125 - 3.090232 * Math.Sqrt(0.7125 * 0.2875 / n100), 1e-6);

        html.ShouldContain("/api/trust/report/export?format=csv&instrument=trust-10&amp;from=2026-07-01&amp;to=2026-09-30&amp;source=sampled&amp;unit=department");
        // Twelve months up to the period's end, the months without answers as gaps (null), with a note saying why.
        var trend = Embedded(html, "trend-data");
        trend.GetProperty("months").EnumerateArray().Select(m => m.GetString()).ShouldBe(Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 10, 1).AddMonths(i).ToString("yyyy-MM")));
        trend.GetProperty("values").EnumerateArray().Count(v => v.ValueKind == JsonValueKind.Null).ShouldBe(11);
        html.ShouldContain("id=\"trend-gaps\"");
    }

    [Fact]
    public async Task A_period_without_answers_says_so()
    {
        await app.SeedAsync();
        var html = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync("/Staff/Trust?instrument=trust-10&from=2020-01-01&to=2020-03-31");
        html.ShouldContain("id=\"trust-empty\"");
        html.ShouldNotContain("id=\"funnel-data\"");
        html.ShouldNotContain("id=\"date-problem\"");

        // A date that does not read as one is reported, and the default period is used instead of failing the page.
        var typo = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync("/Staff/Trust?instrument=trust-10&from=2026-13-01");
        typo.ShouldContain("id=\"date-problem\"");
    }

    [Fact]
    public async Task A_department_head_sees_only_her_department()
    {
        await app.SeedAsync();
        var head = await CookieBrowser.WithRolesAsync(app, "head.dash.l1@test.local", ["DepartmentHead"], ["L1"]);
        var html = await head.GetHtmlAsync($"/Staff/Trust?{Quarter}");
        Row(html, "L1");
        html.ShouldNotContain("data-unit=\"L4\"");
        Embedded(html, "funnel-data").GetProperty("points").GetArrayLength().ShouldBe(1);

        (await head.GetHtmlAsync($"/Staff/Trust/Department/L1?{Quarter}")).ShouldContain("科室L1");
        var other = await head.Client.GetAsync($"/Staff/Trust/Department/L4?{Quarter}");
        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        other.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_department_page_shows_its_figures_and_says_one_month_is_too_few_for_a_control_chart()
    {
        await app.SeedAsync();
        var html = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync($"/Staff/Trust/Department/L4?{Quarter}");
        html.ShouldContain("id=\"department-figures\"");
        html.ShouldContain("45.0%");
        html.ShouldContain("低信任预警");
        html.ShouldContain("id=\"xmr-too-few\"");
        (await (await CookieBrowser.AdminAsync(app)).Client.GetAsync("/Staff/Trust/Department/NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
