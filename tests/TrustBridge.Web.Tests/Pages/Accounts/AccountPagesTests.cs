using System.Net;
using TrustBridge.Web.Tests.Infrastructure;
using TrustBridge.Web.Tests.Pages.Shared;

namespace TrustBridge.Web.Tests.Pages.Accounts;

public class AccountPagesTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task An_administrator_creates_a_scoped_department_head_who_can_then_log_in()
    {
        await RegistrySeed.DepartmentAsync(app, "ACC1", "账户测试科");
        var admin = await CookieBrowser.AdminAsync(app);
        var resp = await admin.PostFormAsync("/Staff/Accounts/Edit", "/Staff/Accounts/Edit",
        [
            new("Form.Email", "head.acc@test.local"), new("Form.DisplayName", "钱主任"), new("Form.Password", "Head-Pass-1"),
            new("Form.Roles", "DepartmentHead"), new("Form.DepartmentCodes", "ACC1"),
        ]);
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resp.Content.ReadAsStringAsync());
        var list = await admin.GetHtmlAsync("/Staff/Accounts");
        list.ShouldContain("head.acc@test.local");
        list.ShouldContain("科主任");
        list.ShouldContain("ACC1");

        var head = await CookieBrowser.SignedInAsync(app, "head.acc@test.local", "Head-Pass-1");
        (await head.GetHtmlAsync("/Staff")).ShouldContain("科主任");
    }

    [Fact]
    public async Task Locking_stops_the_login_and_unlocking_with_a_password_reset_restores_it()
    {
        await app.ClientWithRolesAsync("lock.acc@test.local", ["Executive"]);
        var admin = await CookieBrowser.AdminAsync(app);
        var id = IdOf(await admin.GetHtmlAsync("/Staff/Accounts?q=lock.acc"));
        var edit = $"/Staff/Accounts/Edit/{id}";
        (await admin.PostFormAsync(edit, edit, [new("Form.Roles", "Executive"), new("Form.Locked", "true")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetHtmlAsync("/Staff/Accounts?q=lock.acc")).ShouldContain("已锁定");

        var login = await CookieBrowser.Anonymous(app).PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Email"] = "lock.acc@test.local", ["Password"] = TrustBridgeFactory.UserPassword });
        (await login.Content.ReadAsStringAsync()).ShouldContain("账户已锁定");

        (await admin.PostFormAsync(edit, edit, [new("Form.Roles", "Executive"), new("Form.Password", "Reset-Pass-22")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await CookieBrowser.SignedInAsync(app, "lock.acc@test.local", "Reset-Pass-22");
    }

    [Fact]
    public async Task Creating_without_a_role_shows_the_error()
    {
        var admin = await CookieBrowser.AdminAsync(app);
        var resp = await admin.PostFormAsync("/Staff/Accounts/Edit", "/Staff/Accounts/Edit",
            [new("Form.Email", "norole@test.local"), new("Form.Password", "No-Role-Pass-1")]);
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resp.Content.ReadAsStringAsync()).ShouldContain("至少选择一个角色。");
    }

    [Fact]
    public async Task Only_administrators_reach_the_accounts_pages()
    {
        var pr = await CookieBrowser.WithRolesAsync(app, "pr.acc@test.local", ["PatientRelations"]);
        (await pr.Client.GetAsync("/Staff/Accounts")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    private static string IdOf(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, "/Staff/Accounts/Edit/([0-9a-f-]{36})");
        m.Success.ShouldBeTrue();
        return m.Groups[1].Value;
    }
}
