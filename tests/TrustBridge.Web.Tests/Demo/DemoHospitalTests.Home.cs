using System.Net;
using System.Text.RegularExpressions;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Demo;

/// <summary>
/// Issue 8 over the demo hospital: every staff list pages (defect 1), and each demo login's home page shows that
/// role's own work (deliver 1), with the same numbers as the queue it links to.
/// </summary>
public partial class DemoHospitalTests
{
    private Task<CookieBrowser> DemoLoginAsync(string email) => CookieBrowser.SignedInAsync(app, email, DemoHospitalFactory.Password);

    /// <summary>The lists of the demo hospital with more than a page of rows; PagerCoverage lists every page with a pager.</summary>
    [Theory]
    [InlineData("/Staff/Feedback", 50)]
    [InlineData("/Staff/Feedback?sort=due", 50)]
    [InlineData("/Staff/Organization/Staff", 50)]
    [InlineData("/Staff/Patients", 50)]
    [InlineData("/Staff/Patients/Encounters", 50)]
    [InlineData("/Staff/Patients/Encounters?type=outpatient", 50)]
    [InlineData("/Staff/Surveys/Waves/Detail/{wave}", 50)]
    [InlineData("/Staff/Disputes", 25)]
    public async Task Page_two_of_every_list_shows_the_next_rows(string url, int pageSize)
    {
        url = url.Replace("{wave}", Query(db => db.SurveyWaves.Select(w => w.Id).First()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var office = await DemoLoginAsync("office@demo.local");
        var browser = office;
        var join = url.Contains('?') ? "&" : "?";
        var first = await browser.GetHtmlAsync(url);
        var second = await browser.GetHtmlAsync(url + join + "page=2");
        Summary(first).ShouldStartWith("第 1–");
        Summary(second).ShouldStartWith($"第 {pageSize + 1}–", customMessage: $"{url} page 2 shows {Summary(second)}");
        Rows(second).ShouldNotBe(Rows(first));
        second.ShouldContain("aria-current=\"page\">2</a>");
        // The handler-parameter form (?page= bound as an argument) pages too.
        var third = await browser.GetHtmlAsync(url + join + "page=3");
        Summary(third).ShouldStartWith($"第 {2 * pageSize + 1}–");
    }

    [Fact]
    public async Task A_department_page_pages_its_members()
    {
        var office = await DemoLoginAsync("office@demo.local");
        var biggest = Query(db => db.Staff.GroupBy(s => s.DepartmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).First());
        var code = Query(db => db.Departments.Single(d => d.Id == biggest).Code);
        var first = await office.GetHtmlAsync($"/Staff/Organization/Departments/Detail/{code}");
        var second = await office.GetHtmlAsync($"/Staff/Organization/Departments/Detail/{code}?page=2");
        Summary(first).ShouldStartWith("第 1–");
        // Handler argument "page": page 2 starts at row 51 (or is past the end of a smaller department), never page 1 again.
        Summary(second).ShouldStartWith("第 51–");
    }

    [Fact]
    public async Task The_office_home_counts_the_queues_it_links_to()
    {
        var office = await DemoLoginAsync("office@demo.local");
        var home = await office.GetHtmlAsync("/Staff");
        home.ShouldContain("id=\"home-office\"");
        home.ShouldNotContain("id=\"home-trend\"");
        foreach (var (tile, view) in new[] { ("open", "open"), ("due-soon", "due-soon"), ("overdue", "overdue"), ("alerts", "alerts"), ("review", "review") })
        {
            Tile(home, tile).Href.ShouldStartWith($"/Staff/Feedback?view={view}");
            Tile(home, tile).Value.ShouldBe(await QueueTotalAsync(office, "/Staff/Feedback?view=" + view), tile);
        }
        Tile(home, "open").Value.ShouldBeGreaterThan(0);
        home.ShouldContain("id=\"dashboard-counts\""); // the registry overview stays on the office's home
    }

    [Fact]
    public async Task The_department_head_home_shows_her_department_only()
    {
        var head = await DemoLoginAsync("cardio.head@demo.local");
        var home = await head.GetHtmlAsync("/Staff");
        home.ShouldContain("id=\"home-departmenthead\"");
        Tile(home, "open").Value.ShouldBe(await QueueTotalAsync(head, "/Staff/Feedback?view=open"));
        Tile(home, "overdue").Value.ShouldBe(await QueueTotalAsync(head, "/Staff/Feedback?view=overdue"));
        var office = await DemoLoginAsync("office@demo.local");
        Tile(home, "open").Value.ShouldBeLessThan(await QueueTotalAsync(office, "/Staff/Feedback?view=open"));
        // Her department's trust with its interval and flag, and nothing of other departments.
        home.ShouldContain("id=\"home-trust\"");
        home.ShouldContain("data-unit=\"XXNK\"");
        Regex.Matches(home, "<tr data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ShouldBe(["XXNK"]);
        home.ShouldContain("class=\"nowrap text-body-secondary ci\"");
        home.ShouldContain("id=\"tile-plans\"");
        home.ShouldNotContain("id=\"dashboard-counts\"");
    }

    [Fact]
    public async Task The_clinician_home_shows_his_cases_scores_and_praise()
    {
        var doctor = await DemoLoginAsync("dr.zhang@demo.local");
        var home = await doctor.GetHtmlAsync("/Staff");
        home.ShouldContain("id=\"home-clinician\"");
        Tile(home, "mine").Value.ShouldBe(await QueueTotalAsync(doctor, "/Staff/Feedback"));
        // His own scores: a figure when reportable, otherwise 样本不足 — and never another doctor's row.
        (home.Contains("id=\"home-my-score\"") || home.Contains("这个时段没有关于您的有效答卷")).ShouldBeTrue();
        Regex.Matches(home, "<tr data-unit=\"([^\"]+)\"").Count.ShouldBeLessThanOrEqualTo(1);
        home.ShouldContain("id=\"tile-praise\"");
        home.ShouldNotContain("id=\"home-trend\"");
        home.ShouldNotContain("id=\"dashboard-counts\"");
    }

    [Fact]
    public async Task The_executive_home_shows_the_hospital_trend_outliers_and_feedback()
    {
        var executive = await DemoLoginAsync("executive@demo.local");
        var home = await executive.GetHtmlAsync("/Staff");
        home.ShouldContain("id=\"home-executive\"");
        home.ShouldContain("id=\"home-hospital-trust\"");
        var months = Regex.Matches(home[home.IndexOf("id=\"home-trend\"", StringComparison.Ordinal)..], @"<td class=""nowrap"">(20\d\d-\d\d)</td>").Count;
        months.ShouldBeInRange(1, 12);
        (home.Contains("id=\"home-outliers\"") || home.Contains("这个时段所有科室都在预期范围内")).ShouldBeTrue();
        home.ShouldContain("id=\"home-feedback\"");
        home.ShouldContain("id=\"home-on-time\"");
        Tile(home, "overdue").Value.ShouldBe(await QueueTotalAsync(executive, "/Staff/Feedback?view=overdue"));
        home.ShouldNotContain("id=\"home-overdue\"");
        // Disputes: the open and overdue counts are the dispute queue's.
        var openDisputes = Tile(home, "disputes-open");
        openDisputes.Value.ShouldBeGreaterThan(0);
        openDisputes.Value.ShouldBe(await QueueTotalAsync(executive, openDisputes.Href));
        Tile(home, "disputes-overdue").Value.ShouldBe(await QueueTotalAsync(executive, "/Staff/Disputes?view=overdue"));
    }

    [Fact]
    public async Task The_supervisor_home_puts_overdue_items_first_and_offers_no_changes()
    {
        var supervisor = await DemoLoginAsync("supervisor@demo.local");
        var home = await supervisor.GetHtmlAsync("/Staff");
        home.ShouldContain("id=\"home-supervisor\"");
        var overdue = home.IndexOf("id=\"home-overdue\"", StringComparison.Ordinal);
        if (overdue < 0) overdue = home.IndexOf("没有超期工单", StringComparison.Ordinal);
        overdue.ShouldBeGreaterThan(0);
        overdue.ShouldBeLessThan(home.IndexOf("id=\"home-hospital-trust\"", StringComparison.Ordinal));
        Tile(home, "overdue").Value.ShouldBe(await QueueTotalAsync(supervisor, "/Staff/Feedback?view=overdue"));
        home.ShouldNotContain("/Staff/Feedback/New");
        Regex.Matches(home, "<form method=\"post\"").Count.ShouldBe(2); // only the two sign-out forms of the layout
    }

    /// <summary>Defect 14: English mode says Low (not Neutral), Register (not Enter), ": " not "：", names holidays, and demo names carry no role words.</summary>
    [Fact]
    public async Task English_mode_reads_as_english()
    {
        var office = await DemoLoginAsync("office@demo.local");
        (await office.Client.GetAsync("/Culture?c=en&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var queue = await office.GetHtmlAsync("/Staff/Feedback?riskLevel=low");
        queue.ShouldContain(">Low risk</span>");
        queue.ShouldNotContain("Neutral");
        queue.ShouldContain("</i> Register</a>");
        queue.ShouldNotContain(">Enter<");
        var caseId = Query(db => db.FeedbackCases.OrderBy(c => c.Id).Select(c => c.Id).First());
        var page = await office.GetHtmlAsync($"/Staff/Feedback/Case/{caseId}");
        page.ShouldContain("Channel: ");
        page.ShouldNotContain("Channel：");
        var calendar = await office.GetHtmlAsync("/Staff/Calendar");
        calendar.ShouldContain("Spring Festival");
        calendar.ShouldContain("National Day");
        Query(db => db.Users.Where(u => u.Email!.EndsWith("@demo.local")).Select(u => u.DisplayName).ToList())
            .ShouldAllBe(n => !n.Contains('（') && !n.Contains("科主任") && !n.Contains("医师") && !n.Contains("只读"));
    }

    private static async Task<int> QueueTotalAsync(CookieBrowser browser, string url)
    {
        var html = await browser.GetHtmlAsync(url);
        var m = Regex.Match(html, @"共 ([\d,]+) 条");
        return m.Success ? int.Parse(m.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static (string Href, int Value) Tile(string html, string id)
    {
        var m = Regex.Match(html, $"href=\"([^\"]+)\" id=\"tile-{id}\">.*?<div class=\"stat-value[^\"]*\">([\\d,]+)</div>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"no tile {id}");
        return (WebUtility.HtmlDecode(m.Groups[1].Value), int.Parse(m.Groups[2].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Summary(string html)
    {
        var m = Regex.Match(html, "<div class=\"text-body-secondary small pager-summary\">([^<]+)</div>");
        m.Success.ShouldBeTrue("the list has no pager");
        return m.Groups[1].Value;
    }

    /// <summary>The rows of the table the pager pages (the last table before it).</summary>
    private static string Rows(string html)
    {
        var pager = html.IndexOf("pager-summary", StringComparison.Ordinal);
        var start = html.LastIndexOf("<tbody", pager, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        return html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }
}
