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
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("trust-funnel");

        await s.Page.ClickAsync("#trust-units tr[data-unit='JZK'] a");
        await s.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff/Trust/Department/JZK");
        await s.Page.WaitForSelectorAsync("#xmr-chart svg");
        (await s.Page.TextContentAsync("#department-figures"))!.ShouldContain("低信任预警");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("trust-department");
    }
}
