namespace TrustBridge.E2E;

/// <summary>The working-day calendar in real Chromium: an administrator makes a Friday a holiday and removes it again.</summary>
[Collection(AppCollection.Name)]
public sealed class CalendarPageTests(TrustBridgeApp app)
{
    [Theory]
    [InlineData(Viewports.Desktop, "2026-12-18")]
    [InlineData(Viewports.Phone, "2026-12-11")]
    public async Task An_administrator_sets_a_hospital_holiday_and_sees_it_in_the_year_view(string viewport, string date)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync();
        await s.Page.GotoAsync("/Staff/Calendar?year=2026");
        (await s.Page.GetAttributeAsync("td[data-date='2026-10-01']", "class"))!.ShouldContain("holiday");
        (await s.Page.GetAttributeAsync("td[data-date='2026-10-10']", "class"))!.ShouldContain("swapped");

        await s.Page.FillAsync("#Date", date);
        await s.Page.SelectOptionAsync("#Kind", "holiday");
        await s.Page.FillAsync("#Name", "院庆日");
        await s.Page.ClickAsync("#calendar-set button[type=submit]");
        await s.Page.WaitForSelectorAsync($"td[data-date='{date}'].hospital");
        (await s.Page.GetAttributeAsync($"td[data-date='{date}']", "data-working")).ShouldBe("0");
        (await s.Page.TextContentAsync($"#calendar-days tr[data-date='{date}']"))!.ShouldContain("院庆日");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("staff-calendar");

        await s.Page.ClickAsync($"#calendar-days tr[data-date='{date}'] button[type=submit]");
        await s.Page.WaitForSelectorAsync($"#calendar-days tr[data-date='{date}']", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        (await s.Page.GetAttributeAsync($"td[data-date='{date}']", "data-working")).ShouldBe("1");
    }
}
