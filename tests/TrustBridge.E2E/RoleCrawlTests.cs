using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>
/// Issue 8, deliver 4: what a new user hits first, for every demo role. Logs in, visits every staff page the navigation
/// links (and the feedback sub-navigation), follows page 2 of every list and checks its rows differ from page 1,
/// checks every POST form carries an anti-forgery token, and fails on any 4xx/5xx answer (pages, assets, the favicon)
/// or a JSON body where a page was asked for. All findings are collected and reported together. On the way it checks
/// and photographs each role's home page on a desktop and a phone.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class RoleCrawlTests(DemoHospitalApp app)
{
    /// <summary>Bounds the crawl: pages (with their page 2) per role.</summary>
    public const int MaxPagesPerRole = 40;

    [Fact]
    public async Task Every_role_has_its_home_and_can_walk_every_staff_page_without_errors_dead_forms_or_stuck_paging()
    {
        var findings = new ConcurrentQueue<string>();
        var watch = Stopwatch.StartNew();
        // The roles walk side by side, each in its own context of the one browser.
        var pages = await Task.WhenAll(DemoHospitalApp.Roles.Select(r => CrawlAsync(r.Name, r.Email, findings)));
        var report = new StringBuilder().AppendLine($"{findings.Count} findings over {pages.Sum()} pages in {watch.Elapsed.TotalSeconds:0} s:");
        foreach (var f in findings.Distinct().Order(StringComparer.Ordinal)) report.AppendLine(" - " + f);
        Console.WriteLine(report);
        findings.ShouldBeEmpty(report.ToString());
        pages.ShouldAllBe(n => n >= 8);
    }

    private async Task<int> CrawlAsync(string role, string email, ConcurrentQueue<string> findings)
    {
        await using var context = await app.NewContextAsync(Viewports.Desktop);
        var page = await context.NewPageAsync();
        var current = "";
        context.Response += (_, r) =>
        {
            if (r.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && r.Status >= 400)
                findings.Enqueue($"[{role}] {r.Status} for {Path(r.Url)} (on {current})");
        };
        await DemoHospitalApp.LoginAsync(page, email);
        await HomeAsync(new BrowserSession(Viewports.Desktop, context, page), role, findings);
        var links = await LinksAsync(page, "#staffNav a.nav-link");
        var queue = new Queue<string>(links);
        var seen = new HashSet<string>(links, StringComparer.OrdinalIgnoreCase);
        var pages = 0;
        while (queue.Count > 0 && pages < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            current = url;
            pages++;
            if (!await VisitAsync(page, role, url, findings)) continue;
            // The feedback, survey and trust areas have sub-navigation of their own: crawl one level of it.
            foreach (var sub in await LinksAsync(page, "#main .nav a.nav-link, #main .nav-tabs a, #main .nav-pills a"))
                if (sub.StartsWith("/Staff", StringComparison.OrdinalIgnoreCase) && seen.Add(sub)) queue.Enqueue(sub);
            // And the first record of each list (a case, a profile, a patient, a wave): detail pages carry most forms.
            if (await page.QuerySelectorAsync("#main tbody a[href^='/Staff/'], #main .list-group a[href^='/Staff/']") is { } detail
                && await detail.GetAttributeAsync("href") is { } d && !d.Contains("/api/", StringComparison.Ordinal) && seen.Add(d.Split('?')[0]))
                queue.Enqueue(d);

            var next = await page.QuerySelectorAsync("nav.pager li.page-item:not(.disabled) a[rel=next]");
            if (next is null) continue;
            var firstRows = await RowsAsync(page);
            var href = await next.GetAttributeAsync("href");
            current = href!;
            pages++;
            if (!await VisitAsync(page, role, href!, findings)) continue;
            var secondRows = await RowsAsync(page);
            if (secondRows.Length == 0 || secondRows == firstRows)
                findings.Enqueue($"[{role}] page 2 of {url} shows the same rows as page 1 ({await SummaryAsync(page)})");
        }
        return pages;
    }

    /// <summary>
    /// The role's home (deliver 1): its own section and figures, no sideways scrolling on desktop or phone, and a picture
    /// of each (home-ROLE-desktop.png, home-ROLE-phone.png; TRUSTBRIDGE_SCREENSHOTS=docs/screenshots refreshes README's).
    /// </summary>
    private static async Task HomeAsync(BrowserSession desktop, string role, ConcurrentQueue<string> findings)
    {
        var page = desktop.Page;
        var section = role == "head" ? "departmenthead" : role;
        if (await page.QuerySelectorAsync($"#home-{section}") is null) findings.Enqueue($"[{role}] /Staff is not the {role}'s home (no #home-{section})");
        if ((await page.QuerySelectorAllAsync(".home-tiles .stat-card")).Count < 3) findings.Enqueue($"[{role}] the home has fewer than 3 figures");
        await desktop.ShouldNotScrollSidewaysAsync();
        await desktop.ScreenshotAsync($"home-{role}");
        // The same page at a phone's width (the context keeps its desktop user agent; the layout only follows the width).
        await page.SetViewportSizeAsync(390, 844);
        var phone = new BrowserSession(Viewports.Phone, page.Context, page);
        await phone.ShouldNotScrollSidewaysAsync();
        await phone.ScreenshotAsync($"home-{role}");
        await page.SetViewportSizeAsync(1280, 800);
    }

    /// <summary>Opens a page and records what is wrong with it; false when it did not open as a page.</summary>
    private static async Task<bool> VisitAsync(IPage page, string role, string url, ConcurrentQueue<string> findings)
    {
        var response = await page.GotoAsync(url);
        if (response is null) { findings.Enqueue($"[{role}] no answer for {url}"); return false; }
        var type = response.Headers.TryGetValue("content-type", out var t) ? t : "";
        if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            findings.Enqueue($"[{role}] {url} answered {type} instead of a page: {Truncate(await response.TextAsync())}");
            return false;
        }
        if (response.Status >= 400) return false; // already recorded by the response listener
        var body = (await page.InnerTextAsync("body")).TrimStart();
        if (body.StartsWith('{') && body.Contains("\"status\"", StringComparison.Ordinal))
            findings.Enqueue($"[{role}] {url} shows JSON: {Truncate(body)}");
        foreach (var form in await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('form')]
                .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'post')
                .filter(f => !f.querySelector('input[name="__RequestVerificationToken"]'))
                .map(f => (f.id ? '#' + f.id + ' ' : '') + 'action=' + (f.getAttribute('action') || '(this page)') + ' "' + (f.innerText || '').trim().slice(0, 40) + '"')
            """))
            findings.Enqueue($"[{role}] POST form without __RequestVerificationToken on {url}: {form}");
        return true;
    }

    private static async Task<string[]> LinksAsync(IPage page, string selector) =>
        (await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(selector)})].map(a => a.getAttribute('href')).filter(h => h && h.startsWith('/'))"))
        .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The rows of the list the pager pages: the last table (or list group) before the pager.</summary>
    private static Task<string> RowsAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const pager = document.querySelector('nav.pager');
            const lists = [...document.querySelectorAll('#main tbody, #main .list-group')]
                .filter(e => pager && (e.compareDocumentPosition(pager) & Node.DOCUMENT_POSITION_FOLLOWING));
            return lists.length ? lists[lists.length - 1].innerText : '';
        }
        """);

    private static async Task<string> SummaryAsync(IPage page) =>
        await page.QuerySelectorAsync(".pager-summary") is { } s ? (await s.InnerTextAsync()).Trim() : "no pager";

    private static string Path(string url) => new Uri(url).PathAndQuery;

    private static string Truncate(string s) => s.Length <= 160 ? s : s[..160] + "…";
}
