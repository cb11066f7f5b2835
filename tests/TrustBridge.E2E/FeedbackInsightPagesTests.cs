using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TrustBridge.E2E;

/// <summary>The feedback analytics and praise pages in real Chromium, over cases entered through the API.</summary>
[Collection(AppCollection.Name)]
public sealed class FeedbackInsightPagesTests(TrustBridgeApp app)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    private static readonly (string Type, string Category, string Department, string? Staff, string Content)[] Kinds =
    [
        ("complaint", "attitude", "XNK", null, "护士说话很冲，问了两遍就不耐烦。"),
        ("complaint", "process", "JZK", null, "排队两个多小时，叫号系统还出错。"),
        ("complaint", "cost", "WK", null, "收费清单里有一项检查我们并没有做，请核实。"),
        ("suggestion", "environment", "EK", null, "建议候诊区增加一些座椅和充电插座。"),
        ("praise", "attitude", "XNK", "D001", "张伟医生医术精湛、耐心细致，非常感谢！"),
        ("praise", "attitude", "WK", "D002", "李娜医生手术很成功，术后还打电话随访。"),
        ("consultation", "process", "FCK", null, "请问周六有专家门诊吗？"),
    ];

    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded) return;
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            var login = await http.PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeApp.AdminEmail, password = TrustBridgeApp.AdminPassword });
            var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var now = DateTimeOffset.Now;
            for (var i = 0; i < 42; i++)
            {
                var k = Kinds[i % Kinds.Length];
                var received = now.AddDays(-(i * 8 % 330) - 1).AddHours(-(i % 5));
                var resp = await http.PostAsJsonAsync("/api/feedback", new
                {
                    type = k.Type, category = k.Category, riskLevel = "low", content = k.Content, channel = i % 3 == 0 ? "visit" : "phone",
                    receivedAt = received, departmentCodes = new[] { k.Department }, staffCode = k.Staff,
                    resolvedOnTheSpot = k.Type == "complaint" && i % 2 == 0, mobile = i % 7 == 1 ? "13912340000" : null, name = "患者" + i,
                });
                resp.IsSuccessStatusCode.ShouldBeTrue(await resp.Content.ReadAsStringAsync());
            }
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task The_analytics_page_draws_the_charts_over_tables_and_the_praise_list_ranks_staff(string viewport)
    {
        await SeedAsync();
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync();
        await s.Page.GotoAsync("/Staff/Feedback/Analytics");
        await s.Page.WaitForSelectorAsync("#month-chart svg");
        await s.Page.WaitForSelectorAsync("#category-chart svg");
        await s.Page.WaitForSelectorAsync("#department-chart svg");
        int.Parse((await s.Page.TextContentAsync("#kpi-total"))!.Replace(",", "")).ShouldBeGreaterThanOrEqualTo(42);
        (await s.Page.TextContentAsync("#kpi-on-time"))!.ShouldContain("%");
        (await s.Page.Locator("#month-table tbody tr").CountAsync()).ShouldBeInRange(12, 13);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("feedback-analytics");

        await s.Page.GotoAsync("/Staff/Feedback/Praise?month=" + DateTime.Now.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await s.Page.WaitForSelectorAsync("h1");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("feedback-praise");
    }
}
