using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustBridge.Web.Domain;
using static TrustBridge.Web.Tests.Disputes.DisputeFixture;

namespace TrustBridge.Web.Tests.Disputes;

/// <summary>Item 11, one test per role: who reads which disputes, what they see, who changes them; every read audited.</summary>
public class DisputeAccessTests(DisputeFixture app) : IClassFixture<DisputeFixture>
{
    private async Task<(int F1, int F2)> TwoDisputesAsync()
    {
        await app.SeedAsync();
        await app.OnceAsync("two-disputes", async () =>
        {
            var office = await app.ClientWithRolesAsync("office.acc@test.local", [Roles.PatientRelations]);
            app.Ids["F1"] = (await app.RegisterAsync(office, Basic("F1", "D1"))).GetProperty("id").GetInt32();
            app.Ids["F2"] = (await app.RegisterAsync(office, Basic("F2", "D2"))).GetProperty("id").GetInt32();
        });
        return (app.Ids["F1"], app.Ids["F2"]);
    }

    private static async Task<int[]> IdsAsync(HttpClient c) =>
        [.. (await c.GetFromJsonAsync<JsonElement>("/api/disputes?pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];

    [Fact]
    public async Task The_office_sees_and_changes_every_dispute_with_the_negotiation_notes()
    {
        var (a, b) = await TwoDisputesAsync();
        var office = await app.ClientWithRolesAsync("office.acc@test.local", [Roles.PatientRelations]);
        (await IdsAsync(office)).ShouldContain(a);
        (await IdsAsync(office)).ShouldContain(b);
        (await office.GetFromJsonAsync<JsonElement>($"/api/disputes/{a}")).GetProperty("negotiationNotes").GetString().ShouldBe("家属底线约 8 万元");
        (await office.PostAsJsonAsync($"/api/disputes/{b}/notes", new { text = "电话联系家属" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_sees_and_changes_every_dispute()
    {
        var (a, b) = await TwoDisputesAsync();
        var admin = await app.AdminClientAsync();
        (await IdsAsync(admin)).ShouldContain(b);
        (await admin.PostAsJsonAsync($"/api/disputes/{a}/notes", new { text = "已阅" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Supervisor)]
    public async Task The_executive_and_the_supervision_group_read_all_and_change_nothing(string role)
    {
        var (a, b) = await TwoDisputesAsync();
        var reader = await app.ClientWithRolesAsync($"{role.ToLowerInvariant()}.acc@test.local", [role]);
        var ids = await IdsAsync(reader);
        ids.ShouldContain(a);
        ids.ShouldContain(b);
        (await reader.GetFromJsonAsync<JsonElement>($"/api/disputes/{a}")).GetProperty("negotiationNotes").GetString().ShouldBe("家属底线约 8 万元");
        (await reader.PostAsJsonAsync($"/api/disputes/{a}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.PostAsJsonAsync("/api/disputes", Basic())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.GetAsync("/api/disputes/analytics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_department_head_reads_her_departments_disputes_without_the_negotiation_notes()
    {
        var (a, b) = await TwoDisputesAsync();
        var head = await app.ClientWithRolesAsync("head.acc@test.local", [Roles.DepartmentHead], ["F1"]);
        var ids = await IdsAsync(head);
        ids.ShouldContain(a);
        ids.ShouldNotContain(b);
        var d = await head.GetFromJsonAsync<JsonElement>($"/api/disputes/{a}");
        d.GetProperty("claim").GetString().ShouldBe("术后感染，要求赔偿");
        d.GetProperty("negotiationNotes").ValueKind.ShouldBe(JsonValueKind.Null);
        (await head.GetAsync($"/api/disputes/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await head.PostAsJsonAsync($"/api/disputes/{a}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_clinician_sees_only_that_a_dispute_names_him_and_its_status()
    {
        var (a, b) = await TwoDisputesAsync();
        var admin = await app.AdminClientAsync();
        if ((await admin.PostAsJsonAsync("/api/users", new { email = "dr.acc@test.local", displayName = "D1", password = "User-Pass-1", roles = new[] { Roles.Clinician }, departmentCodes = new[] { "F1" }, staffCode = "D1" })).StatusCode
            is var s && s != HttpStatusCode.Created && s != HttpStatusCode.OK && s != HttpStatusCode.Conflict) throw new InvalidOperationException(s.ToString());
        var doctor = await app.LoginAsync("dr.acc@test.local", "User-Pass-1");
        var list = await doctor.GetFromJsonAsync<JsonElement>("/api/disputes");
        var row = list.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("id").GetInt32().ShouldBe(a);
        row.GetProperty("status").GetString().ShouldBe("open");
        row.GetProperty("claimed").ValueKind.ShouldBe(JsonValueKind.Null);
        var d = await doctor.GetFromJsonAsync<JsonElement>($"/api/disputes/{a}");
        d.GetProperty("view").GetString().ShouldBe("named");
        d.TryGetProperty("claim", out _).ShouldBeFalse();
        d.TryGetProperty("compensation", out _).ShouldBeFalse();
        (await doctor.GetAsync($"/api/disputes/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await doctor.GetAsync("/api/disputes/analytics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=dispute.viewed&entityId={a}&pageSize=200");
        audit.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("userName").GetString() == "dr.acc@test.local");
    }
}
