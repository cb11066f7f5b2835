using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Shared;

/// <summary>Issue 8: friendly error pages for browsers (defect 4), the favicon (defect 16) and paging (defect 1).</summary>
public class ErrorPagesAndPagingTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    private static HttpRequestMessage Html(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    [Fact]
    public async Task A_missing_page_is_a_friendly_404_in_the_staff_layout_with_a_way_back()
    {
        var office = await CookieBrowser.WithRolesAsync(app, "office.errors@test.local", [Roles.PatientRelations]);
        var request = Html(HttpMethod.Get, "/Staff/Feedback/Case/987654");
        request.Headers.Referrer = new Uri("http://localhost/Staff/Feedback?view=open");
        var resp = await office.Client.SendAsync(request);
        resp.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await resp.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"error-page\" data-status=\"404\"");
        html.ShouldContain("找不到此页面");
        html.ShouldContain("id=\"staffNav\"");
        html.ShouldContain("href=\"/Staff\" id=\"error-home\"");
        html.ShouldContain("href=\"/Staff/Feedback?view=open\" id=\"error-back\"");
        html.ShouldNotContain("\"traceId\"");

        (await office.Client.GetAsync("/Culture?c=en&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = await (await office.Client.SendAsync(Html(HttpMethod.Get, "/Staff/No/Such/Page"))).Content.ReadAsStringAsync();
        english.ShouldContain("Page not found");
        english.ShouldContain("<html lang=\"en\"");
    }

    [Fact]
    public async Task A_patient_gets_the_patient_version_without_staff_navigation()
    {
        var anonymous = CookieBrowser.Anonymous(app);
        var resp = await anonymous.Client.SendAsync(Html(HttpMethod.Get, "/Patient/No-such-page"));
        resp.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await resp.Content.ReadAsStringAsync();
        html.ShouldContain("class=\"patient\"");
        html.ShouldContain("这个链接可能已失效或输入有误");
        html.ShouldContain("href=\"/\" id=\"error-home\"");
        html.ShouldNotContain("staffNav");
        html.ShouldNotContain("/Staff");
    }

    [Fact]
    public async Task A_form_posted_without_its_token_gets_a_friendly_400_page()
    {
        var office = await CookieBrowser.WithRolesAsync(app, "office.errors@test.local", [Roles.PatientRelations]);
        var request = Html(HttpMethod.Post, "/Account/Logout");
        request.Content = new FormUrlEncodedContent([]);
        var resp = await office.Client.SendAsync(request);
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await resp.Content.ReadAsStringAsync();
        html.ShouldContain("data-status=\"400\"");
        html.ShouldContain("请求无法处理");
    }

    [Fact]
    public async Task A_forbidden_answer_is_a_friendly_403_page()
    {
        var office = await CookieBrowser.WithRolesAsync(app, "office.errors@test.local", [Roles.PatientRelations]);
        var resp = await office.Client.SendAsync(Html(HttpMethod.Get, "/Error/403"));
        resp.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await resp.Content.ReadAsStringAsync()).ShouldContain("无权访问");
    }

    [Fact]
    public async Task The_api_and_clients_not_asking_for_html_keep_problem_details()
    {
        var admin = await app.AdminClientAsync();
        var api = await admin.SendAsync(Html(HttpMethod.Get, "/api/departments/NO-SUCH"));
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var unknownApi = await admin.SendAsync(Html(HttpMethod.Get, "/api/no/such/endpoint"));
        unknownApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownApi.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var page = await admin.GetAsync("/Staff/No/Such/Page");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Every_layout_links_a_favicon_that_exists()
    {
        var anonymous = CookieBrowser.Anonymous(app);
        foreach (var icon in new[] { "/favicon.ico", "/favicon.svg" })
            (await anonymous.Client.GetAsync(icon)).StatusCode.ShouldBe(HttpStatusCode.OK, icon);
        (await anonymous.GetHtmlAsync("/Account/Login")).ShouldContain("<link rel=\"icon\" href=\"/favicon.svg\"");
        (await anonymous.GetHtmlAsync("/Patient/Feedback")).ShouldContain("<link rel=\"icon\" href=\"/favicon.svg\"");
    }

    [Fact]
    public async Task The_symposia_list_pages()
    {
        var office = await app.ClientWithRolesAsync("office.errors@test.local", [Roles.PatientRelations]);
        for (var i = 1; i <= 23; i++)
            (await office.PostAsJsonAsync("/api/symposia", new
            {
                heldOn = new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                title = $"分页座谈会 {i:D2}", location = "会议室",
                participants = new object[] { new { name = "张三", role = "patient" } },
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var browser = await CookieBrowser.SignedInAsync(app, "office.errors@test.local", TrustBridgeFactory.UserPassword);
        var first = await browser.GetHtmlAsync("/Staff/Feedback/Symposia");
        var second = await browser.GetHtmlAsync("/Staff/Feedback/Symposia?page=2");
        first.ShouldContain("第 1–20 条");
        second.ShouldContain("第 21–23 条");
        Regex.Matches(second, "data-symposium=\"(\\d+)\"").Select(m => m.Groups[1].Value)
            .Intersect(Regex.Matches(first, "data-symposium=\"(\\d+)\"").Select(m => m.Groups[1].Value)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_department_list_pages()
    {
        var admin = await app.AdminClientAsync();
        for (var i = 1; i <= 53; i++)
            (await admin.PostAsJsonAsync("/api/departments", new { code = $"PG{i:D2}", name = $"分页科{i:D2}", kind = "clinical" })).EnsureSuccessStatusCode();
        var browser = await CookieBrowser.AdminAsync(app);
        var second = await browser.GetHtmlAsync("/Staff/Organization/Departments?q=PG&page=2");
        second.ShouldContain("第 51–53 条，共 53 条");
        second.ShouldContain("PG53");
        second.ShouldNotContain("PG01");
        // Creating them wrote more than a page of audit entries.
        var audit = await browser.GetHtmlAsync("/Staff/Audit?page=2");
        audit.ShouldContain("<div class=\"text-body-secondary small pager-summary\">第 51–");
        audit.ShouldContain("aria-current=\"page\">2</a>");
    }

    /// <summary>
    /// Every page that renders the pager has a test that follows its page 2: these, the demo hospital's
    /// DemoHospitalTests.Page_two_of_every_list_shows_the_next_rows, and the E2E crawl. A new list must be added here.
    /// </summary>
    [Fact]
    public void Every_page_with_a_pager_is_covered_by_a_paging_test()
    {
        string[] covered =
        [
            "Staff/Feedback/Index.cshtml", "Staff/Feedback/Symposia/Index.cshtml", "Staff/Organization/Staff/Index.cshtml",
            "Staff/Organization/Departments/Detail.cshtml", "Staff/Patients/Index.cshtml", "Staff/Patients/Encounters.cshtml",
            "Staff/Audit/Index.cshtml", "Staff/Surveys/Waves/Detail.cshtml", "Staff/Organization/Departments/Index.cshtml", "Staff/Disputes/Index.cshtml",
            "Public/Prices.cshtml", // PortalTests.Price_lists_import_search_page_and_export
        ];
        var pages = Path.Combine(RepoRoot(), "src", "TrustBridge.Web", "Pages");
        var withPager = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("<partial name=\"_Pager\"", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(pages, f).Replace('\\', '/')).Order().ToList();
        withPager.ShouldNotBeEmpty();
        withPager.Except(covered).ShouldBeEmpty();
    }

    /// <summary>
    /// Defect 14: a full-width colon written in the markup after a translated label stays "：" in English. Colons go
    /// inside the translated string or through T["："] (": " in English).
    /// </summary>
    [Fact]
    public void No_page_writes_a_full_width_colon_outside_a_translated_string()
    {
        var pages = Path.Combine(RepoRoot(), "src", "TrustBridge.Web", "Pages");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            // Documents printed in Chinese only by design (a legal notice) say so in a "zh-only:" comment.
            if (File.ReadLines(file).Take(3).Any(l => l.Contains("@* zh-only:", StringComparison.Ordinal))) continue;
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                // Localizer keys first (they sit inside attribute quotes), then comments, then every other string literal.
                var outside = Regex.Replace(line, @"T\[""(?:[^""\\]|\\.)*""", "T[");
                outside = Regex.Replace(outside, @"@\*.*?\*@", "");
                outside = Regex.Replace(outside, @"""(?:[^""\\]|\\.)*""", "\"\"");
                if (outside.Contains('：')) found.Add($"{Path.GetRelativePath(pages, file)}:{n}: {line.Trim()}");
            }
        }
        found.ShouldBeEmpty();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustBridge.slnx"))) return dir.FullName;
        throw new InvalidOperationException("TrustBridge.slnx not found");
    }
}
