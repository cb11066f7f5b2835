using System.Net.Http.Json;
using System.Text.Json;

namespace TrustBridge.E2E;

/// <summary>Issue 9 in real Chromium: a negated threat lands in the 可能高危 tab; the office dismisses it with a reason on the case page.</summary>
[Collection(AppCollection.Name)]
public sealed class SecondLookPageTests(TrustBridgeApp app)
{
    [Fact]
    public async Task The_office_clears_a_second_look_from_the_queue_tab_and_the_case_page()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var resp = await anonymous.PostAsJsonAsync("/api/feedback", new { content = "我们家不会去医院门口拉横幅，只想请主治医生把我爸的病情讲清楚。", departmentCodes = new[] { "NK" } });
        var text = await resp.Content.ReadAsStringAsync();
        ((int)resp.StatusCode).ShouldBe(201, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();

        await using (var s = await BrowserSession.OpenAsync(app, Viewports.Desktop))
        {
            await s.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
            await s.Page.GotoAsync("/Staff/Feedback?view=second-look");
            await s.Page.WaitForSelectorAsync($"tr[data-case='{id}']");
            (await s.Page.TextContentAsync("a.nav-link.active[data-view='second-look']"))!.ShouldContain("可能高危");
            await s.ShouldNotScrollSidewaysAsync();
            await s.Page.GotoAsync($"/Staff/Feedback/Case/{id}");
            await s.Page.WaitForSelectorAsync(".case-second-look");
            (await s.Page.TextContentAsync(".case-second-look"))!.ShouldContain("可能高危");
            await s.ShouldNotScrollSidewaysAsync();
            await s.ScreenshotAsync("triage-second-look");
            await s.Page.FillAsync("#second-look-reason", "家属明确表示不会聚集，诉求是病情解释");
            await s.Page.ClickAsync(".case-second-look form:has(#second-look-reason) button[type=submit]");
            await s.Page.WaitForSelectorAsync(".case-second-look-done");
            (await s.Page.TextContentAsync(".case-second-look-done"))!.ShouldContain("病情解释");
        }

        await using (var phone = await BrowserSession.OpenAsync(app, Viewports.Phone))
        {
            await phone.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
            await phone.Page.GotoAsync($"/Staff/Feedback/Case/{id}");
            await phone.Page.WaitForSelectorAsync(".case-second-look-done");
            await phone.ShouldNotScrollSidewaysAsync();
            await phone.ScreenshotAsync("triage-second-look");
        }
    }
}
