using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Accounts;

public class UsersApiTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Admin_creates_a_scoped_department_head_and_changes_her_roles()
    {
        var admin = await app.AdminClientAsync();
        await admin.PostAsJsonAsync("/api/departments", new { code = "U01", name = "儿科" });
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "head.u01@test.local", displayName = "刘主任", password = "Head-Pass-1", roles = new[] { "DepartmentHead" }, departmentCodes = new[] { "U01" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        user.GetProperty("departmentCodes").EnumerateArray().Select(x => x.GetString()).ShouldBe(["U01"]);

        var head = await app.LoginAsync("head.u01@test.local", "Head-Pass-1");
        var me = await head.GetFromJsonAsync<JsonElement>("/api/auth/me");
        me.GetProperty("departmentIds").GetArrayLength().ShouldBe(1);

        var id = user.GetProperty("id").GetString();
        var updated = await admin.PutAsJsonAsync($"/api/users/{id}", new { roles = new[] { "Executive" } });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(x => x.GetString()).ShouldBe(["Executive"]);
    }

    [Fact]
    public async Task Unknown_roles_and_departments_are_refused_by_field()
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsJsonAsync("/api/users", new { email = "bad@test.local", password = "Bad-Pass-1", roles = new[] { "Janitor" }, departmentCodes = new[] { "NOPE" } });
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("roles", out _).ShouldBeTrue();
        errors.TryGetProperty("departmentCodes", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Only_administrators_manage_users()
    {
        var office = await app.ClientWithRolesAsync("office.users@test.local", ["PatientRelations"]);
        (await office.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Locking_a_user_stops_her_logging_in()
    {
        var admin = await app.AdminClientAsync();
        await app.ClientWithRolesAsync("leaver@test.local", ["Clinician"]);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users?q=leaver");
        var id = users[0].GetProperty("id").GetString();
        (await admin.PutAsJsonAsync($"/api/users/{id}", new { locked = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var login = await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "leaver@test.local", password = TrustBridgeFactory.UserPassword });
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
