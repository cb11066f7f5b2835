using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrustBridge.E2E;

/// <summary>The office's feedback pages in real Chromium: a threat raises the red banner, the office opens and acknowledges the case.</summary>
[Collection(AppCollection.Name)]
public sealed class FeedbackStaffTests(TrustBridgeApp app)
{
    private async Task<int> SubmitAsync(HttpClient http, object body)
    {
        var resp = await http.PostAsJsonAsync("/api/feedback", body);
        var text = await resp.Content.ReadAsStringAsync();
        ((int)resp.StatusCode).ShouldBe(201, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_threat_raises_the_red_banner_and_the_office_acknowledges_it_from_the_case()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var office = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await office.PostAsJsonAsync("/api/auth/login", new { email = "yhb@e2e.local", password = SeedData.UserPassword });
        login.EnsureSuccessStatusCode();
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        await SubmitAsync(anonymous, new { content = "挂号排队等了三个小时，窗口只开一个，希望增加自助机", departmentCodes = new[] { "NK" } });
        await SubmitAsync(anonymous, new { content = "手术后一直发烧，医生也没解释原因，我已经找了律师准备起诉", departmentCodes = new[] { "WK" }, staffCode = "D002", name = "刘先生", mobile = "13911112222" });
        await SubmitAsync(office, new { type = "complaint", content = "来电反映住院费用清单看不懂，收费明细没人解释", channel = "phone", receivedAt = "2026-09-30T15:00:00+08:00", departmentCodes = new[] { "XNK", "JYK" } });
        await SubmitAsync(office, new { type = "praise", content = "感谢儿科刘医生耐心细致", channel = "letter", departmentCodes = new[] { "EK" }, staffCode = "D004" });
        var threat = await SubmitAsync(anonymous, new { content = "再不给说法我明天就带人来拉横幅堵门，到时候别怪我", departmentCodes = new[] { "JZK" } });

        await using (var s = await BrowserSession.OpenAsync(app, Viewports.Desktop))
        {
            await s.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
            var banner = s.Page.Locator(".feedback-alert-banner");
            await banner.WaitForAsync();
            (await banner.TextContentAsync())!.ShouldContain("高危预警：");
            (await banner.GetAttributeAsync("data-alert-case")).ShouldBe(threat.ToString());
            await s.ShouldNotScrollSidewaysAsync();
            await s.ScreenshotAsync("feedback-banner");

            await s.Page.GotoAsync("/Staff/Feedback");
            await s.Page.WaitForSelectorAsync($"tr[data-case='{threat}'].case-alert");
            (await s.Page.Locator("tr.case-overdue").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
            await s.ShouldNotScrollSidewaysAsync();
            await s.ScreenshotAsync("feedback-queue");

            await s.Page.ClickAsync($".feedback-alert-banner a[href^='/Staff/Feedback/Case/{threat}#']");
            await s.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/Staff/Feedback/Case/{threat}");
            (await s.Page.TextContentAsync(".case-content"))!.ShouldContain("拉横幅堵门");
            (await s.Page.Locator("mark.triage-cue").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
            (await s.Page.IsVisibleAsync($"#alert-acknowledge button:has-text('#{threat}')")).ShouldBeTrue(); // names the case it acknowledges
            await s.Page.FillAsync("#assign-search", "周医患"); // the picker filters by name
            (await s.Page.Locator("#assign-owner option:not([hidden])").AllTextContentsAsync()).Skip(1).ShouldAllBe(t => t.Contains("周医患"));
            await s.Page.FillAsync("#assign-search", "");
            await s.ShouldNotScrollSidewaysAsync();
            await s.Page.EvaluateAsync("window.scrollTo(0, 0)");
            await s.ScreenshotAsync("feedback-case");

            await s.Page.ClickAsync(".case-alert-open button[type=submit]");
            await s.Page.WaitForSelectorAsync(".case-done");
            (await s.Page.TextContentAsync(".case-done"))!.ShouldContain($"已确认工单 #{threat} 的高危预警");
            (await s.Page.TextContentAsync("#alert-acknowledged"))!.ShouldContain("yhb@e2e.local");
            (await s.Page.Locator(".feedback-alert-banner").CountAsync()).ShouldBe(0);
            (await s.Page.TextContentAsync(".case-status"))!.ShouldContain("已受理");
            (await s.Page.TextContentAsync(".case-history"))!.ShouldContain("确认高危预警");
        }

        await using (var phone = await BrowserSession.OpenAsync(app, Viewports.Phone))
        {
            await phone.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
            await phone.Page.GotoAsync("/Staff/Feedback");
            await phone.Page.WaitForSelectorAsync($".case-card[data-case='{threat}']");
            await phone.ShouldNotScrollSidewaysAsync();
            await phone.ScreenshotAsync("feedback-queue");
        }
    }
}
