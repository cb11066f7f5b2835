using System.Net;
using System.Text.RegularExpressions;
using TrustBridge.Web.Features.Localization;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Shared;

public partial class LocalizationTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task The_english_switch_changes_the_navigation_and_returns_to_the_page()
    {
        var browser = await CookieBrowser.AdminAsync(app);
        var chinese = await browser.GetHtmlAsync("/Staff/Organization/Departments");
        chinese.ShouldContain("<i class=\"bi bi-diagram-3\" aria-hidden=\"true\"></i> 科室</a>");

        var switched = await browser.Client.GetAsync("/Culture?c=en&returnUrl=%2FStaff%2FOrganization%2FDepartments");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/Staff/Organization/Departments");

        var english = await browser.GetHtmlAsync("/Staff/Organization/Departments");
        english.ShouldContain("<html lang=\"en\"");
        english.ShouldContain("<i class=\"bi bi-diagram-3\" aria-hidden=\"true\"></i> Departments</a>");
        english.ShouldContain("Sign out");
        english.ShouldNotContain("退出登录");

        await browser.Client.GetAsync("/Culture?c=zh-CN&returnUrl=%2F");
        (await browser.GetHtmlAsync("/Staff")).ShouldContain("退出登录");
    }

    [Fact]
    public async Task The_switch_never_redirects_off_the_site()
    {
        var resp = await CookieBrowser.Anonymous(app).Client.GetAsync("/Culture?c=en&returnUrl=https%3A%2F%2Fevil.example%2F");
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resp.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Dates_are_written_year_month_day()
    {
        var html = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync("/Staff");
        DateRegex().IsMatch(html).ShouldBeTrue();
    }

    /// <summary>Every Chinese string a page passes through the localizer has an English text.</summary>
    [Fact]
    public void Every_chinese_ui_string_has_an_english_translation()
    {
        var english = new ChineseEnglishLocalizer().English;
        var pages = Path.Combine(RepoRoot(), "src", "TrustBridge.Web", "Pages");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cshtml") || f.EndsWith(".cs")))
            foreach (var line in File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
                foreach (var text in StringLiteral().Matches(line).Select(m => m.Groups[1].Value).Where(LooksLikeCSharpString)
                             .Concat(LocalizerKey().Matches(line).Select(m => m.Groups[1].Value)))
                {
                    if (Cjk().IsMatch(text) && !english.ContainsKey(text) && !NotTranslated.Contains(text))
                        missing.Add($"{Path.GetFileName(file)}: {text}");
                }
        missing.ShouldBeEmpty();
        english.Count.ShouldBeGreaterThan(150);
    }

    /// <summary>The language switch names the other language in that language; the hospital fallback name is config.</summary>
    private static readonly HashSet<string> NotTranslated = ["中文", "医院"];

    /// <summary>In a .cshtml a pair of quotes may span markup (">科室</a><b class="); those are not strings.</summary>
    private static bool LooksLikeCSharpString(string s) => s.IndexOfAny(['<', '>', '@', '=']) < 0;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustBridge.slnx"))) return dir.FullName;
        throw new InvalidOperationException("TrustBridge.slnx not found");
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("T\\[\"([^\"]+)\"")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("[\u4e00-\u9fff]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\b20\d\d-[01]\d-[0-3]\d\b")]
    private static partial Regex DateRegex();
}
