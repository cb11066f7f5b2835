using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Organization;

public class DepartmentsApiTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Office_creates_edits_and_finds_departments_and_staff()
    {
        var office = await app.ClientWithRolesAsync("office.org@test.local", ["PatientRelations"]);
        (await office.PostAsJsonAsync("/api/departments", new { code = "N00", name = "内科系统", kind = "clinical" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await office.PostAsJsonAsync("/api/departments", new { code = "N01", name = "心内科", kind = "clinical", parentCode = "N00" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await office.PutAsJsonAsync("/api/departments/N01", new { name = "心血管内科" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var dept = await office.GetFromJsonAsync<JsonElement>("/api/departments/N01");
        dept.GetProperty("name").GetString().ShouldBe("心血管内科");
        dept.GetProperty("parentCode").GetString().ShouldBe("N00");

        (await office.PostAsJsonAsync("/api/staff", new { code = "S001", name = "张伟", title = "主任医师", departmentCode = "N01", specialties = "冠心病介入" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var found = await office.GetFromJsonAsync<JsonElement>("/api/staff?q=冠心病&departmentCode=N01");
        found.GetProperty("total").GetInt32().ShouldBe(1);
        found.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("张伟");

        var search = await office.GetFromJsonAsync<JsonElement>("/api/departments?q=心血管");
        search.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["N01"]);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_the_field()
    {
        var admin = await app.AdminClientAsync();
        var noName = await admin.PostAsJsonAsync("/api/departments", new { code = "B01" });
        noName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noName.Content.ReadAsStringAsync()).ShouldContain("name");

        var badKind = await admin.PostAsJsonAsync("/api/departments", new { code = "B02", name = "x", kind = "kitchen" });
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();

        var badParent = await admin.PostAsJsonAsync("/api/departments", new { code = "B03", name = "x", parentCode = "NOPE" });
        (await badParent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("parentCode", out _).ShouldBeTrue();

        (await admin.PostAsJsonAsync("/api/departments", new { code = "B04", name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/departments", new { code = "B04", name = "y" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PutAsJsonAsync("/api/departments/ZZZ", new { name = "y" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var badStaffDept = await admin.PostAsJsonAsync("/api/staff", new { code = "S9", name = "李娜", departmentCode = "NOPE" });
        badStaffDept.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var malformed = await admin.PostAsync("/api/departments", new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync()).ShouldContain("JSON");
    }

    [Fact]
    public async Task Lists_page_and_report_totals()
    {
        var admin = await app.AdminClientAsync();
        for (var i = 0; i < 7; i++)
            await admin.PostAsJsonAsync("/api/departments", new { code = $"P{i:00}", name = $"分页科{i}" });
        var page2 = await admin.GetFromJsonAsync<JsonElement>("/api/departments?q=分页科&page=2&pageSize=3");
        page2.GetProperty("total").GetInt32().ShouldBe(7);
        page2.GetProperty("pageCount").GetInt32().ShouldBe(3);
        page2.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["P03", "P04", "P05"]);
    }
}
