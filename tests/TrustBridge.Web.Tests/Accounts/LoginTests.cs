using System.Net;
using System.Net.Http.Json;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Accounts;

public class LoginTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Bootstrap_administrator_gets_a_bearer_token_that_opens_the_api()
    {
        var client = app.AnonymousClient();
        var resp = await client.PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeFactory.AdminEmail, password = TrustBridgeFactory.AdminPassword });
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await resp.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        body!["tokenType"].ToString().ShouldBe("Bearer");
        body["accessToken"].ToString().ShouldNotBeNullOrEmpty();

        var admin = await app.AdminClientAsync();
        var me = await admin.GetFromJsonAsync<Dictionary<string, object>>("/api/auth/me");
        me!["email"].ToString().ShouldBe(TrustBridgeFactory.AdminEmail);
        me["roles"].ToString()!.ShouldContain("Admin");
    }

    [Fact]
    public async Task Api_without_a_token_answers_401_not_a_redirect()
    {
        var resp = await app.AnonymousClient().GetAsync("/api/patients");
        resp.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        resp.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Api_with_a_role_that_lacks_the_policy_answers_403()
    {
        var supervisor = await app.ClientWithRolesAsync("supervisor.403@test.local", ["Supervisor"]);
        var resp = await supervisor.PostAsJsonAsync("/api/departments", new { code = "X1", name = "测试科" });
        resp.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await app.ClientWithRolesAsync("lockme@test.local", ["Clinician"]);
        var client = app.AnonymousClient();
        for (var i = 0; i < 5; i++)
            (await client.PostAsJsonAsync("/api/auth/login", new { email = "lockme@test.local", password = "wrong-password" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var resp = await client.PostAsJsonAsync("/api/auth/login", new { email = "lockme@test.local", password = TrustBridgeFactory.UserPassword });
        resp.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await resp.Content.ReadAsStringAsync()).ShouldContain("Locked");
    }

    [Fact]
    public async Task Malformed_login_json_is_a_400_problem_naming_the_body()
    {
        var resp = await app.AnonymousClient().PostAsync("/api/auth/login", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
