using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>The trust dashboard and a department page in real Chromium, with a year of answers imported as a paper-survey CSV.</summary>
[Collection(AppCollection.Name)]
public sealed class TrustPagesTests(TrustBridgeApp app)
{
    /// <summary>Share of trusting respondents per department; 急诊科 is far below the others and must be flagged.</summary>
    private static readonly (string Department, string Doctor, double Trusting)[] Profiles =
    [
        ("NK", "D005", 0.86), ("XNK", "D001", 0.80), ("WK", "D002", 0.78), ("FCK", "D003", 0.83), ("EK", "D004", 0.74), ("JZK", "D006", 0.40),
    ];

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _imported;

    /// <summary>Twelve months of answers up to yesterday through the import API (idempotent: response ids repeat).</summary>
    private async Task ImportAnswersAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_imported) return;
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            var login = await http.PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeApp.AdminEmail, password = TrustBridgeApp.AdminPassword });
            var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var csv = new StringBuilder("response_id,encounter_date,department_code,doctor_code,source,T01,T02,T03,T04,T05,T06,T07,T08,T09,T10\n");
            var random = new Random(20261122);
            var reversed = new HashSet<int> { 1, 6, 8 };
            var today = DateOnly.FromDateTime(DateTime.Now);
            var n = 0;
            foreach (var (department, doctor, trusting) in Profiles)
                for (var day = 1; day <= 365; day += 1 + random.Next(4))
                {
                    var trusts = random.NextDouble() < trusting;
                    var answers = Enumerable.Range(1, 10).Select(i =>
                    {
                        var agree = trusts ? 4 + random.Next(2) : 2 + random.Next(2);
                        return (reversed.Contains(i) ? 6 - agree : agree).ToString(CultureInfo.InvariantCulture);
                    });
                    csv.Append(CultureInfo.InvariantCulture, $"E2E-T{++n:D5},{today.AddDays(-day):yyyy-MM-dd},{department},{doctor},paper,{string.Join(',', answers)}\n");
                }
            var resp = await http.PostAsync("/api/instruments/trust-10/responses/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            resp.EnsureSuccessStatusCode();

            // Outpatient satisfaction for 心血管内科: waiting (P) gets worse month by month, attitude (A) stays high.
            var sat = new StringBuilder("response_id,encounter_date,department_code,doctor_code,source,A1,A2,C1,C2,C3,F1,F2,O1,O2,P1,P2,E1,E2,V1,V2,OVERALL,RECOMMEND,COMMENT\n");
            for (var day = 1; day <= 180; day += 2)
            {
                int L(int centre) => Math.Clamp(centre + random.Next(-1, 2), 1, 5);
                var wait = day < 60 ? 2 : day < 120 ? 3 : 4;
                var likert = new[] { L(5), L(5), L(4), L(4), L(4), L(3), L(3), L(4), L(4), L(wait), L(wait), L(4), L(4), L(5), L(4) };
                sat.Append(CultureInfo.InvariantCulture, $"E2E-S{day:D4},{today.AddDays(-day):yyyy-MM-dd},XNK,D001,paper,{string.Join(',', likert)},8,9,\n");
            }
            (await http.PostAsync("/api/instruments/satisfaction-outpatient/responses/import", new StringContent(sat.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
            // The low-alarm department of the last complete quarter gets its improvement plan (as the demo's wave does).
            var (from, to) = TrustBridge.Core.Calendar.Quarters.LastComplete(today);
            (await http.PostAsJsonAsync("/api/improvement-plans/evaluate", new { instrument = "trust-10", from, to })).EnsureSuccessStatusCode();
            _imported = true;
        }
        finally
        {
            Once.Release();
        }
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task The_office_reads_the_funnel_plot_and_opens_the_flagged_department(string viewport)
    {
        await ImportAnswersAsync();
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
        await s.Page.GotoAsync("/Staff/Trust");
        await s.Page.WaitForSelectorAsync("#funnel-chart svg");
        await s.Page.WaitForSelectorAsync("#trend-chart svg");
        (await s.Page.GetAttributeAsync("#trust-units tr[data-unit='JZK']", "data-flag")).ShouldBe("low-alarm");
        (await s.Page.TextContentAsync("#trust-units tr[data-unit='JZK'] .flag-badge"))!.Trim().ShouldBe("低信任预警");
        (await s.Page.Locator("#funnel-chart svg path").CountAsync()).ShouldBeGreaterThan(5); // limit curves and points
        // The alarm is the first row, not mid-table by code, and its funnel dot is labelled with the department's name.
        (await s.Page.GetAttributeAsync("#trust-units tbody tr:first-child", "data-unit")).ShouldBe("JZK");
        (await s.Page.Locator("#funnel-chart svg text", new() { HasTextString = "急诊科" }).CountAsync()).ShouldBeGreaterThan(0);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("trust-funnel");

        await s.Page.ClickAsync("#trust-units tr[data-unit='JZK'] a");
        await s.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff/Trust/Department/JZK");
        await s.Page.WaitForSelectorAsync("#xmr-chart svg");
        (await s.Page.TextContentAsync("#department-figures"))!.ShouldContain("低信任预警");
        (await s.Page.TextContentAsync("#next-steps"))!.ShouldContain("改进计划");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("trust-department");

        // What happens next: the plan, worked through its form (no JavaScript needed).
        await s.Page.ClickAsync("#open-plan");
        await s.Page.WaitForSelectorAsync("#measure-table");
        var what = viewport == Viewports.Desktop ? "急诊候诊区增设叫号屏" : "每周一次医患沟通培训";
        await s.Page.FillAsync("#what", what);
        await s.Page.FillAsync("#who", "D006");
        await s.Page.FillAsync("#due", DateOnly.FromDateTime(DateTime.Now).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await s.Page.ClickAsync("#add-action button[type=submit]");
        await s.Page.WaitForSelectorAsync("#plan-done");
        (await s.Page.TextContentAsync("#action-list"))!.ShouldContain(what);
        await s.ShouldNotScrollSidewaysAsync();
        await s.Page.EvaluateAsync("() => window.scrollTo(0, 0)"); // the redirect lands on #actions; the screenshot starts at the top
        await s.ScreenshotAsync("trust-plan");

        await s.Page.GotoAsync("/Staff/Trust/Department/XNK?instrument=satisfaction-outpatient");
        await s.Page.WaitForSelectorAsync("#heatmap-chart svg");
        (await s.Page.TextContentAsync("#dimension-table"))!.ShouldContain("流程与等候");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("trust-dimensions");

        // Every imported satisfaction answer recommends 9: all promoters.
        await s.Page.GotoAsync("/Staff/Trust?instrument=satisfaction-outpatient");
        (await s.Page.TextContentAsync("#hospital-nps"))!.Trim().ShouldBe("+100.0");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("trust-nps");

        await s.Page.GotoAsync("/Staff/Surveys");
        (await s.Page.Locator("#survey-areas a[href='/Staff/Surveys/Posters']").CountAsync()).ShouldBe(1);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("surveys-hub");
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task The_office_builds_a_questionnaire_with_a_phone_preview(string viewport)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
        var code = $"e2e-{viewport}";
        await s.Page.GotoAsync("/Staff/Surveys/Instruments/Edit");
        await s.Page.FillAsync("#Form_Code", code);
        await s.Page.FillAsync("#Form_TitleZh", "急诊就诊体验");
        await s.Page.FillAsync("#Form_TitleEn", "Emergency visit");
        await s.Page.FillAsync("#Form_Items_0__Code", "E1");
        await s.Page.FillAsync("#Form_Items_0__TextZh", "护士及时回应了我的需要。");
        await s.Page.ClickAsync("#add-item");
        await s.Page.FillAsync("#Form_Items_1__Code", "E2");
        await s.Page.FillAsync("#Form_Items_1__TextZh", "您有多大可能向亲友推荐我院急诊？");
        await s.Page.SelectOptionAsync("#Form_Items_1__Scale", "nps11");
        await s.Page.ClickAsync("#add-item");
        (await s.Page.TextContentAsync("#phone-preview"))!.ShouldContain("您有多大可能向亲友推荐我院急诊？");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("instrument-builder");
        await s.Page.FillAsync("#Form_Items_2__Code", "E3");
        await s.Page.FillAsync("#Form_Items_2__TextZh", "还有什么想告诉我们？");
        await s.Page.SelectOptionAsync("#Form_Items_2__Scale", "text");
        await s.Page.ClickAsync("#save-draft");
        await s.Page.WaitForSelectorAsync("#publish-form");
        await s.Page.ClickAsync("#publish-form button");
        (await s.Page.TextContentAsync("#instrument-status"))!.ShouldContain("已发布");
        (await s.Page.Locator("#phone-preview .preview-item").CountAsync()).ShouldBe(3);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("instrument-detail");
    }

    [Fact]
    public async Task The_office_draws_a_survey_wave_through_the_form_on_a_phone()
    {
        await using var s = await BrowserSession.OpenAsync(app, Viewports.Phone);
        await s.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
        await s.Page.GotoAsync("/Staff/Surveys/Waves/Create");
        await s.Page.ClickAsync("#create-wave");
        (await s.Page.TextContentAsync("#wave-form"))!.ShouldContain("请填写批次名称。");
        await s.Page.FillAsync("#Form_Name", "往年门诊信任调查");
        // A wave of more than a year ago: its invitations are long out of the 90-day rest, so other tests' waves still find everyone eligible.
        var today = DateOnly.FromDateTime(DateTime.Now);
        await s.Page.FillAsync("#Form_PeriodFrom", today.AddDays(-730).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await s.Page.FillAsync("#Form_PeriodTo", today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await s.Page.FillAsync("#Form_ContactDate", today.AddDays(-395).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await s.Page.SelectOptionAsync("#Form_DepartmentCodes", new[] { "NK", "XNK", "WK" });
        await s.Page.FillAsync("#Form_Seed", "7");
        await s.Page.ClickAsync("#create-wave");
        await s.Page.WaitForSelectorAsync("#strata");
        (await s.Page.Locator("#strata tbody tr").CountAsync()).ShouldBe(3);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("survey-wave");
    }
}
