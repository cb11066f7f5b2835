using System.Net;
using TrustBridge.Web.Tests.Infrastructure;
using TrustBridge.Web.Tests.Pages.Shared;

namespace TrustBridge.Web.Tests.Pages.Organization;

public class DepartmentPagesTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Patient_relations_creates_a_department_through_the_form_and_sees_it_listed()
    {
        var browser = await CookieBrowser.WithRolesAsync(app, "pr.dept@test.local", ["PatientRelations"]);
        var resp = await browser.PostFormAsync("/Staff/Organization/Departments/Edit", "/Staff/Organization/Departments/Edit", new Dictionary<string, string>
        {
            ["Form.Code"] = "KFK", ["Form.Name"] = "康复医学科", ["Form.Kind"] = "clinical", ["Form.ParentCode"] = "", ["Form.Active"] = "true",
        });
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resp.Headers.Location!.OriginalString.ShouldBe("/Staff/Organization/Departments/Detail/KFK");
        (await browser.GetHtmlAsync("/Staff/Organization/Departments/Detail/KFK")).ShouldContain("康复医学科");
        var list = await browser.GetHtmlAsync("/Staff/Organization/Departments?q=康复");
        list.ShouldContain("康复医学科");
        list.ShouldContain("第 1–1 条，共 1 条");
    }

    [Fact]
    public async Task Validation_messages_from_SaveDepartment_are_shown_next_to_the_fields()
    {
        await RegistrySeed.DepartmentAsync(app, "DUP", "重复科");
        var browser = await CookieBrowser.AdminAsync(app);
        var missingName = await browser.PostFormAsync("/Staff/Organization/Departments/Edit", "/Staff/Organization/Departments/Edit",
            new Dictionary<string, string> { ["Form.Code"] = "NEW1", ["Form.Name"] = "", ["Form.Kind"] = "clinical" });
        missingName.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await missingName.Content.ReadAsStringAsync()).ShouldContain("名称为必填项。");

        var duplicate = await browser.PostFormAsync("/Staff/Organization/Departments/Edit", "/Staff/Organization/Departments/Edit",
            new Dictionary<string, string> { ["Form.Code"] = "DUP", ["Form.Name"] = "又一个", ["Form.Kind"] = "clinical" });
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("科室代码 DUP 已存在。");

        await browser.Client.GetAsync("/Culture?c=en&returnUrl=%2F");
        var english = await browser.PostFormAsync("/Staff/Organization/Departments/Edit", "/Staff/Organization/Departments/Edit",
            new Dictionary<string, string> { ["Form.Code"] = "DUP", ["Form.Name"] = "又一个", ["Form.Kind"] = "clinical" });
        (await english.Content.ReadAsStringAsync()).ShouldContain("A department with code DUP already exists.");
    }

    [Fact]
    public async Task Editing_changes_the_name_and_can_deactivate()
    {
        await RegistrySeed.DepartmentAsync(app, "EDT", "旧名称科");
        var browser = await CookieBrowser.AdminAsync(app);
        var resp = await browser.PostFormAsync("/Staff/Organization/Departments/Edit/EDT", "/Staff/Organization/Departments/Edit/EDT",
            new Dictionary<string, string> { ["Form.Name"] = "新名称科", ["Form.Kind"] = "medtech", ["Form.ParentCode"] = "", ["Form.Active"] = "false" });
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await browser.GetHtmlAsync("/Staff/Organization/Departments/Detail/EDT");
        detail.ShouldContain("新名称科");
        detail.ShouldContain("医技科室");
        (await browser.GetHtmlAsync("/Staff/Organization/Departments?active=false")).ShouldContain("新名称科");
        (await browser.GetHtmlAsync("/Staff/Organization/Departments?active=true")).ShouldNotContain("新名称科");
    }

    [Fact]
    public async Task A_supervisor_sees_no_edit_buttons_and_cannot_open_the_form()
    {
        await RegistrySeed.DepartmentAsync(app, "RO1", "只读科");
        var browser = await CookieBrowser.WithRolesAsync(app, "supervisor.dept@test.local", ["Supervisor"]);
        var list = await browser.GetHtmlAsync("/Staff/Organization/Departments");
        list.ShouldContain("只读科");
        list.ShouldNotContain("/Staff/Organization/Departments/Edit");
        var resp = await browser.Client.GetAsync("/Staff/Organization/Departments/Edit/RO1");
        resp.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task Staff_search_finds_by_specialty_and_the_profile_shows_the_bio()
    {
        await RegistrySeed.DepartmentAsync(app, "XNK", "心血管内科");
        var admin = await app.AdminClientAsync();
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, "/api/staff",
            new { code = "S900", name = "欧阳明", title = "主任医师", departmentCode = "XNK", specialties = "心律失常射频消融", licenceNumber = "LIC-900", bio = "擅长复杂心律失常。" })).EnsureSuccessStatusCode();
        var browser = await CookieBrowser.AdminAsync(app);
        var list = await browser.GetHtmlAsync("/Staff/Organization/Staff?q=射频");
        list.ShouldContain("欧阳明");
        (await browser.GetHtmlAsync("/Staff/Organization/Staff?title=住院医师")).ShouldNotContain("欧阳明");
        var profile = await browser.GetHtmlAsync("/Staff/Organization/Staff/Profile/S900");
        profile.ShouldContain("擅长复杂心律失常。");
        profile.ShouldContain("LIC-900");
        profile.ShouldContain("心血管内科");
    }

    [Fact]
    public async Task Staff_are_added_and_edited_through_the_form_with_validation()
    {
        await RegistrySeed.DepartmentAsync(app, "GKK", "骨科");
        var browser = await CookieBrowser.WithRolesAsync(app, "pr.staff@test.local", ["PatientRelations"]);
        var unknown = await browser.PostFormAsync("/Staff/Organization/Staff/Edit", "/Staff/Organization/Staff/Edit",
            new Dictionary<string, string> { ["Form.Code"] = "S777", ["Form.Name"] = "马骁", ["Form.DepartmentCode"] = "NOPE" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("未知的科室代码：NOPE。");

        var created = await browser.PostFormAsync("/Staff/Organization/Staff/Edit", "/Staff/Organization/Staff/Edit", new Dictionary<string, string>
        {
            ["Form.Code"] = "S777", ["Form.Name"] = "马骁", ["Form.Title"] = "副主任医师", ["Form.DepartmentCode"] = "GKK",
            ["Form.Specialties"] = "脊柱微创", ["Form.Bio"] = "<script>alert(1)</script>", ["Form.Active"] = "true",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var profile = await browser.GetHtmlAsync("/Staff/Organization/Staff/Profile/S777");
        profile.ShouldContain("脊柱微创");
        profile.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        profile.ShouldNotContain("<script>alert(1)</script>");

        var edited = await browser.PostFormAsync("/Staff/Organization/Staff/Edit/S777", "/Staff/Organization/Staff/Edit/S777",
            new Dictionary<string, string> { ["Form.Name"] = "马骁", ["Form.Title"] = "主任医师", ["Form.DepartmentCode"] = "GKK", ["Form.Specialties"] = "", ["Form.Active"] = "true" });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await browser.GetHtmlAsync("/Staff/Organization/Staff?departmentCode=GKK&title=主任医师");
        list.ShouldContain("马骁");
        list.ShouldNotContain("脊柱微创");
    }
}
