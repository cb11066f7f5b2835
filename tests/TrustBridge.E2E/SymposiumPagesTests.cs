using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrustBridge.E2E;

/// <summary>A symposium (座谈会) with participants and two items raised, its detail page in real Chromium.</summary>
[Collection(AppCollection.Name)]
public sealed class SymposiumPagesTests(TrustBridgeApp app)
{
    [Fact]
    public async Task The_symposium_detail_shows_masked_participants_items_and_the_report_composer()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeApp.AdminEmail, password = TrustBridgeApp.AdminPassword });
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var heldOn = DateOnly.FromDateTime(DateTime.Now).AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await http.PostAsJsonAsync("/api/symposia", new
        {
            heldOn, title = "住院患者及家属座谈会", location = "行政楼三楼会议室", departmentCode = "XNK",
            minutes = "到会 3 人。患者反映夜间陪护椅不足；家属反映出院结算排队时间长。\n医患办当场记录，会后逐条转科室办理。",
            participants = new object[]
            {
                new { name = "张建国", role = "patient", mobile = "13812340001" },
                new { name = "张丽", role = "family", mobile = "13912340002" },
                new { role = "staff", staffCode = "D001" },
            },
        });
        var body = await created.Content.ReadAsStringAsync();
        ((int)created.StatusCode).ShouldBe(201, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        foreach (var (content, type, dept) in new[] { ("心内科病房夜间陪护椅不够，家属只能坐在地上", "suggestion", "XNK"), ("出院结算窗口只开一个，排队一个多小时", "complaint", "NK") })
            ((int)(await http.PostAsJsonAsync($"/api/symposia/{id}/items", new { content, type, riskLevel = "low", departmentCodes = new[] { dept } })).StatusCode).ShouldBe(201);

        await using var session = await BrowserSession.OpenAsync(app, Viewports.Desktop);
        await session.LoginAsync();
        await session.Page.GotoAsync($"/Staff/Feedback/Symposia/Detail/{id}");
        (await session.Page.TextContentAsync("#participants"))!.ShouldContain("138****0001");
        (await session.Page.ContentAsync()).ShouldNotContain("13812340001");
        (await session.Page.Locator("#item-list tbody tr").CountAsync()).ShouldBe(2);
        (await session.Page.InputValueAsync("#ReportText")).ShouldContain("出院结算窗口只开一个");
        await session.ShouldNotScrollSidewaysAsync();
        await session.ScreenshotAsync("symposium-detail");
    }
}
