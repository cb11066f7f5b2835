using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Feedback;

public class FeedbackAccessTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<(int F1Case, int F2Case)> TwoCasesAsync()
    {
        await app.SeedAsync();
        var f1 = await app.CreateAsync(app.AnonymousClient(), new { content = "D1医生看病很仔细", departmentCodes = new[] { "F1" }, staffCode = "D1", name = "赵六", mobile = "13711112222" });
        var f2 = await app.CreateAsync(app.AnonymousClient(), new { content = "消化科收费不明白", departmentCodes = new[] { "F2" }, name = "钱七" });
        return (f1.GetProperty("id").GetInt32(), f2.GetProperty("id").GetInt32());
    }

    private static async Task<int[]> IdsAsync(HttpClient c) =>
        [.. (await c.GetFromJsonAsync<JsonElement>("/api/feedback?pageSize=500")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];

    [Fact]
    public async Task The_office_sees_every_case()
    {
        var (a, b) = await TwoCasesAsync();
        var ids = await IdsAsync(await app.ClientWithRolesAsync("office.access@test.local", [Roles.PatientRelations]));
        ids.ShouldContain(a);
        ids.ShouldContain(b);
    }

    [Fact]
    public async Task A_department_head_sees_her_departments_cases_only()
    {
        var (a, b) = await TwoCasesAsync();
        var head = await app.ClientWithRolesAsync("head.access@test.local", [Roles.DepartmentHead], ["F1"]);
        var ids = await IdsAsync(head);
        ids.ShouldContain(a);
        ids.ShouldNotContain(b);
        (await head.GetAsync($"/api/feedback/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await head.GetFromJsonAsync<JsonElement>($"/api/feedback/{a}")).GetProperty("complainantName").GetString().ShouldBe("赵六");
    }

    [Fact]
    public async Task A_clinician_sees_cases_naming_him_without_the_complainant()
    {
        var (a, b) = await TwoCasesAsync();
        var admin = await app.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/users", new { email = "dr.d1@test.local", displayName = "D1", password = "User-Pass-1", roles = new[] { Roles.Clinician }, departmentCodes = new[] { "F1" }, staffCode = "D1" }))
            .IsSuccessStatusCode.ShouldBeTrue();
        var doctor = await app.LoginAsync("dr.d1@test.local", "User-Pass-1");
        var ids = await IdsAsync(doctor);
        ids.ShouldContain(a);
        ids.ShouldNotContain(b);
        var detail = await doctor.GetFromJsonAsync<JsonElement>($"/api/feedback/{a}");
        detail.GetProperty("complainantName").ValueKind.ShouldBe(JsonValueKind.Null);
        detail.GetProperty("mobileMasked").ValueKind.ShouldBe(JsonValueKind.Null);
        (await doctor.PostAsJsonAsync($"/api/feedback/{a}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_supervision_group_reads_everything_and_changes_nothing()
    {
        var (a, b) = await TwoCasesAsync();
        var supervisor = await app.ClientWithRolesAsync("supervisor.access@test.local", [Roles.Supervisor]);
        var ids = await IdsAsync(supervisor);
        ids.ShouldContain(a);
        ids.ShouldContain(b);
        (await supervisor.GetAsync($"/api/feedback/{b}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var action in new[] { "acknowledge", "notes", "reply", "close", "escalate" })
            (await supervisor.PostAsJsonAsync($"/api/feedback/{b}/{action}", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, action);
    }
}
