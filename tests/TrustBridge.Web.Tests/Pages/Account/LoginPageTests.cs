using System.Net;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Account;

public class LoginPageTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Login_page_renders_a_form_with_an_anti_forgery_token_in_chinese()
    {
        var html = await CookieBrowser.Anonymous(app).GetHtmlAsync("/Account/Login");
        html.ShouldContain("<html lang=\"zh-CN\"");
        html.ShouldContain("工作人员登录");
        html.ShouldContain("name=\"Email\"");
        html.ShouldContain("name=\"Password\"");
        CookieBrowser.TokenIn(html).ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/Staff")]
    [InlineData("/Staff/Patients")]
    [InlineData("/Staff/Audit")]
    public async Task Staff_pages_send_an_anonymous_visitor_to_the_login_page(string path)
    {
        var resp = await CookieBrowser.Anonymous(app).Client.GetAsync(path);
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resp.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        resp.Headers.Location.Query.ShouldContain("ReturnUrl=" + Uri.EscapeDataString(path));
    }

    [Fact]
    public async Task Cookie_login_opens_the_staff_pages_and_logout_closes_them()
    {
        var browser = await CookieBrowser.AdminAsync(app);
        var dashboard = await browser.GetHtmlAsync("/Staff");
        dashboard.ShouldContain(TrustBridgeFactory.AdminEmail);
        dashboard.ShouldContain("系统管理员");

        var logout = await browser.PostFormAsync("/Staff", "/Account/Logout", new Dictionary<string, string>());
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.Client.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Login_without_the_anti_forgery_token_is_refused()
    {
        var browser = CookieBrowser.Anonymous(app);
        await browser.GetHtmlAsync("/Account/Login");
        var resp = await browser.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TrustBridgeFactory.AdminEmail, ["Password"] = TrustBridgeFactory.AdminPassword,
        }));
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_the_fifth_failure_a_lockout()
    {
        await app.ClientWithRolesAsync("page.lock@test.local", ["Clinician"]);
        var browser = CookieBrowser.Anonymous(app);
        var fields = new Dictionary<string, string> { ["Email"] = "page.lock@test.local", ["Password"] = "not-the-password" };
        var first = await browser.PostFormAsync("/Account/Login", "/Account/Login", fields);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).ShouldContain("邮箱或密码错误");
        for (var i = 0; i < 3; i++) await browser.PostFormAsync("/Account/Login", "/Account/Login", fields);
        var fifth = await browser.PostFormAsync("/Account/Login", "/Account/Login", fields);
        (await fifth.Content.ReadAsStringAsync()).ShouldContain("账户已锁定");
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        var browser = CookieBrowser.Anonymous(app);
        var resp = await browser.PostFormAsync("/Account/Login", "/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Email"] = TrustBridgeFactory.AdminEmail, ["Password"] = TrustBridgeFactory.AdminPassword });
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resp.Headers.Location!.OriginalString.ShouldBe("/Staff");
    }

    [Fact]
    public async Task Home_page_sends_signed_in_staff_to_the_dashboard()
    {
        (await CookieBrowser.Anonymous(app).GetHtmlAsync("/")).ShouldContain("/Account/Login");
        var resp = await (await CookieBrowser.AdminAsync(app)).Client.GetAsync("/");
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resp.Headers.Location!.OriginalString.ShouldBe("/Staff");
    }
}
