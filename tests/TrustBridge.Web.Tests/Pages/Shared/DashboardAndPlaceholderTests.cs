using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Shared;

public class DashboardAndPlaceholderTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task An_empty_hospital_gets_an_empty_state_that_points_to_the_imports()
    {
        var html = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync("/Staff");
        html.ShouldContain("id=\"dashboard-empty\"");
        html.ShouldContain("还没有数据");
        html.ShouldContain("href=\"/Staff/Imports\"");
    }

    [Theory]
    [InlineData("/Staff/FollowUps", "随访")]
    [InlineData("/Staff/Notifications", "通知")]
    public async Task Every_area_in_the_navigation_answers_and_unbuilt_ones_say_so(string path, string title)
    {
        var html = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync(path);
        html.ShouldContain($"<h1 class=\"h3 mb-3\">{title}</h1>");
        html.ShouldContain("本功能尚在建设中");
    }

    [Fact]
    public async Task Every_navigation_link_opens_a_page_for_an_administrator()
    {
        var admin = await CookieBrowser.AdminAsync(app);
        foreach (var entry in TrustBridge.Web.Pages.Shared.StaffNavigation.Groups.SelectMany(g => g.Entries))
            await admin.GetHtmlAsync(entry.Href);
    }
}
