using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;
using TrustBridge.Web.Tests.Infrastructure;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16 defects 2 and 7: sessions end on the server, and tokens follow the user's current roles and state.</summary>
public class SessionRevocationTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    /// <summary>Signs in through the login page and returns the raw staff cookie, as an attacker who copied it would hold it.</summary>
    private async Task<string> StaffCookieAsync(string email, string password)
    {
        var browser = CookieBrowser.Anonymous(app);
        var resp = await browser.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = resp.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("trustbridge.auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';')];
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task After_logout_the_old_cookie_opens_neither_the_api_nor_the_staff_pages()
    {
        var cookie = await StaffCookieAsync(TrustBridgeFactory.AdminEmail, TrustBridgeFactory.AdminPassword);
        var copied = WithCookie(cookie);
        (await copied.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await copied.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The user logs out in the browser (a form post with the anti-forgery token).
        var browser = new CookieBrowser(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));
        browser.Client.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await browser.Client.GetAsync("/Staff");
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Select(c => c[..c.IndexOf(';')]);
        var logout = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", CookieBrowser.TokenIn(html))]),
        };
        logout.Headers.Add("Cookie", string.Join("; ", antiforgery.Prepend(cookie)));
        (await app.AnonymousClient().SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await copied.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var staff = await copied.GetAsync("/Staff");
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staff.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task A_staff_session_idle_longer_than_the_timeout_ends()
    {
        var cookie = await StaffCookieAsync(TrustBridgeFactory.AdminEmail, TrustBridgeFactory.AdminPassword);
        var client = WithCookie(cookie);
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var idle = DateTime.UtcNow.AddMinutes(-31); // the default idle timeout is 30 minutes
            await db.StaffSessions.Where(s => s.Kind == StaffSession.Cookie).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, idle));
        }
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_issued_before_a_demotion_cannot_write_a_case_note()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "挂号窗口排队太久", departmentCodes = new[] { "F1" } });
        var id = created.GetProperty("id").GetInt32();
        var office = await app.ClientWithRolesAsync("office.demoted@test.local", [Roles.PatientRelations]);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/notes", new { text = "已联系患者" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await app.AdminClientAsync();
        (await admin.PutAsJsonAsync($"/api/users/{await UserIdAsync("office.demoted@test.local")}", new { roles = new[] { Roles.Supervisor } })).EnsureSuccessStatusCode();

        (await office.PostAsJsonAsync($"/api/feedback/{id}/notes", new { text = "降级后仍写备注" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var me = await office.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Supervisor]);
    }

    [Fact]
    public async Task A_locked_or_deleted_users_old_token_gets_401()
    {
        var locked = await app.ClientWithRolesAsync("office.locked@test.local", [Roles.PatientRelations]);
        var deleted = await app.ClientWithRolesAsync("office.deleted@test.local", [Roles.PatientRelations]);
        (await locked.GetAsync("/api/feedback")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deleted.GetAsync("/api/feedback")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await app.AdminClientAsync();
        (await admin.PutAsJsonAsync($"/api/users/{await UserIdAsync("office.locked@test.local")}", new { locked = true })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/users/{await UserIdAsync("office.deleted@test.local")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await locked.GetAsync("/api/feedback")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await deleted.GetAsync("/api/feedback")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_out_everywhere_and_a_password_change_end_cookies_and_tokens()
    {
        var token = await app.ClientWithRolesAsync("office.everywhere@test.local", [Roles.PatientRelations]);
        var cookie = WithCookie(await StaffCookieAsync("office.everywhere@test.local", TrustBridgeFactory.UserPassword));
        (await token.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cookie.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await app.AdminClientAsync();
        var userId = await UserIdAsync("office.everywhere@test.local");
        var resp = await admin.PostAsync($"/api/users/{userId}/sign-out-everywhere", null);
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionsEnded").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        (await token.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await cookie.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A password reset by the administrator ends the sessions made after it too.
        var again = await app.LoginAsync("office.everywhere@test.local", TrustBridgeFactory.UserPassword);
        (await admin.PutAsJsonAsync($"/api/users/{userId}", new { password = "Another-Pass-2" })).EnsureSuccessStatusCode();
        (await again.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The token's own logout ends it.
        var last = await app.LoginAsync("office.everywhere@test.local", "Another-Pass-2");
        (await last.PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await last.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_account_page_has_a_sign_out_everywhere_button_that_ends_the_sessions()
    {
        var token = await app.ClientWithRolesAsync("office.button@test.local", [Roles.Clinician]);
        var userId = await UserIdAsync("office.button@test.local");
        var browser = await CookieBrowser.AdminAsync(app);
        var html = await browser.GetHtmlAsync($"/Staff/Accounts/Edit/{userId}");
        html.ShouldContain("id=\"sign-out-everywhere\"");
        var resp = await browser.PostFormAsync($"/Staff/Accounts/Edit/{userId}", $"/Staff/Accounts/Edit/{userId}?handler=SignOutEverywhere", new Dictionary<string, string>());
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await token.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetHtmlAsync("/Staff/Accounts")).ShouldContain("id=\"signed-out\"");
    }
}
