using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Pages.Feedback;

/// <summary>Issue 8's defects of the case pages: acknowledgement time, what a step did, finding a caller, assigning, the patient's dates.</summary>
public class FeedbackCaseDefectsTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<JsonElement> ComplaintAsync(string name, string mobile) =>
        await app.CreateAsync(app.AnonymousClient(), new { content = "候诊三个小时没人管，护士态度冷淡", departmentCodes = new[] { "F1" }, name, mobile });

    [Fact]
    public async Task A_new_case_shows_it_is_not_acknowledged_and_each_step_says_what_it_did()
    {
        await app.SeedAsync();
        var id = (await ComplaintAsync("赵敏", "13700137001")).GetProperty("id").GetInt32();
        var office = await CookieBrowser.WithRolesAsync(app, "office.defects@test.local", [Roles.PatientRelations]);
        var url = $"/Staff/Feedback/Case/{id}";

        // Defect 5: the received time is called that; the acknowledgement time is the real one, or "not acknowledged".
        var page = await office.GetHtmlAsync(url);
        page.ShouldContain("id=\"received-at\">收到时间");
        page.ShouldContain("id=\"acknowledged-at\">— 未受理</dd>");
        (await office.GetHtmlAsync("/Staff/Feedback")).ShouldNotContain("受理时间");

        // Defect 16: every step says what it did.
        var ack = await office.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "acknowledge" });
        ack.Headers.Location!.OriginalString.ShouldBe($"{url}?done=acknowledge");
        page = await office.GetHtmlAsync(ack.Headers.Location.OriginalString);
        page.ShouldContain("已受理，负责人：office.defects@test.local");
        page.ShouldNotContain("已保存。");
        page.ShouldNotContain("id=\"acknowledged-at\">— 未受理");
        using (var scope = app.Services.CreateScope())
        {
            var at = (await scope.ServiceProvider.GetRequiredService<TrustDbContext>().FeedbackCases.SingleAsync(c => c.Id == id)).AcknowledgedAt!.Value;
            page.ShouldContain($"id=\"acknowledged-at\">{TimeZoneInfo.ConvertTimeFromUtc(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")):yyyy-MM-dd HH:mm}</dd>");
        }

        var transfer = await office.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "transfer", ["departmentCode"] = "F2" });
        (await office.GetHtmlAsync(transfer.Headers.Location!.OriginalString)).ShouldContain("已转交至 消化科");
        var note = await office.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "note", ["text"] = "已电话联系" });
        var noted = note.Headers.Location!.OriginalString;
        (await office.GetHtmlAsync(noted)).ShouldContain("已添加内部备注（患者不可见）");

        // A step that fails on the page of an earlier success shows only its error.
        var failed = await office.PostFormAsync(noted, noted, new Dictionary<string, string> { ["act"] = "note", ["text"] = " " });
        failed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var failedHtml = await failed.Content.ReadAsStringAsync();
        failedHtml.ShouldContain("case-error");
        failedHtml.ShouldNotContain("case-done");

        var sent = await office.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "send", ["text"] = "已改进分诊流程，向您致歉。" });
        (await office.GetHtmlAsync(sent.Headers.Location!.OriginalString)).ShouldContain("已答复患者，短信已排队");

        await office.Client.GetAsync($"/Culture?c=en&returnUrl=%2F");
        (await office.GetHtmlAsync($"{url}?done=transfer")).ShouldContain("Transferred to ");
        await office.Client.GetAsync($"/Culture?c=zh-CN&returnUrl=%2F");
    }

    [Fact]
    public async Task The_office_finds_a_callers_case_by_full_mobile_or_name_audited_and_others_only_by_what_they_may_see()
    {
        await app.SeedAsync();
        var id = (await ComplaintAsync("钱多多", "13600136002")).GetProperty("id").GetInt32();
        await ComplaintAsync("孙小美", "13600136003");
        var office = await app.ClientWithRolesAsync("office.search@test.local", [Roles.PatientRelations]);

        async Task<List<int>> Find(HttpClient client, string q) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/feedback?q={Uri.EscapeDataString(q)}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

        (await Find(office, "13600136002")).ShouldBe([id]);
        (await Find(office, "136 0013 6002")).ShouldBe([id]);
        (await Find(office, "钱多多")).ShouldBe([id]);
        (await Find(office, "13600136009")).ShouldBeEmpty();

        var page = await (await CookieBrowser.WithRolesAsync(app, "office.search@test.local", [Roles.PatientRelations])).GetHtmlAsync("/Staff/Feedback?q=13600136002");
        page.ShouldContain($"data-case=\"{id}\"");
        page.ShouldNotContain("孙小美");

        using (var scope = app.Services.CreateScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().AuditEntries
                .Where(a => a.Action == "patient.list-viewed" && a.EntityType == "feedback-case").Select(a => a.Detail!).ToListAsync();
            audit.Count(d => d.Contains("\"mobile\"")).ShouldBeGreaterThanOrEqualTo(4);
            audit.Count(d => d.Contains("\"name\"")).ShouldBeGreaterThanOrEqualTo(1);
            audit.ShouldAllBe(d => !d.Contains("13600136002") && !d.Contains("钱多多"));
        }

        // A department head finds her department's case by mobile but not by name; a clinician by neither.
        var head = await app.ClientWithRolesAsync("head.f1.search@test.local", [Roles.DepartmentHead], ["F1"]);
        (await Find(head, "13600136002")).ShouldBe([id]);
        (await Find(head, "钱多多")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_case_is_assigned_by_department_to_its_head_or_to_a_person_of_that_department()
    {
        await app.SeedAsync();
        var id = (await ComplaintAsync("周芷若", "13500135004")).GetProperty("id").GetInt32();
        await app.ClientWithRolesAsync("head.f2.assign@test.local", [Roles.DepartmentHead], ["F2"]);
        await app.ClientWithRolesAsync("head.f1.assign@test.local", [Roles.DepartmentHead], ["F1"]);
        var office = await CookieBrowser.WithRolesAsync(app, "office.assign@test.local", [Roles.PatientRelations]);
        var url = $"/Staff/Feedback/Case/{id}";

        var page = await office.GetHtmlAsync(url);
        var form = HtmlForms.Single(page, "assign-form");
        form.Html.ShouldContain("<select class=\"form-select form-select-sm\" id=\"assign-dept\" name=\"departmentCode\">");
        form.Html.ShouldContain("<option value=\"head.f2.assign@test.local\" data-dept=\"F2\">");
        form.Html.ShouldNotContain("type=\"email\"");

        // A department without a person: its head gets it, and the department handles the case.
        var toDept = await office.Client.PostAsync(form.Target(url), form.With([new("departmentCode", "F2"), new("ownerEmail", "")]));
        toDept.StatusCode.ShouldBe(HttpStatusCode.Redirect, await toDept.Content.ReadAsStringAsync());
        (await office.GetHtmlAsync(toDept.Headers.Location!.OriginalString)).ShouldContain("已指派给 head.f2.assign@test.local（消化科）");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var c = await db.FeedbackCases.Include(x => x.Department).SingleAsync(x => x.Id == id);
            c.Department!.Code.ShouldBe("F2");
            (await db.Users.SingleAsync(u => u.Id == c.OwnerUserId)).Email.ShouldBe("head.f2.assign@test.local");
        }

        // A department without a head login cannot be given a case without a person; a person of another department neither.
        var noHead = await office.Client.PostAsync(form.Target(url), form.With([new("departmentCode", "F3")]));
        noHead.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noHead.Content.ReadAsStringAsync()).ShouldContain("急诊科 has no department-head login");

        var api = await app.ClientWithRolesAsync("office.assign@test.local", [Roles.PatientRelations]);
        var assignees = await api.GetFromJsonAsync<JsonElement>("/api/feedback/assignees?departmentCode=F1");
        var f1 = assignees.EnumerateArray().ToList();
        f1.ShouldContain(a => a.GetProperty("email").GetString() == "head.f1.assign@test.local" && a.GetProperty("isHead").GetBoolean());
        f1.ShouldAllBe(a => a.GetProperty("departmentCode").GetString() == "F1");
        (await api.PostAsJsonAsync($"/api/feedback/{id}/assign", new { departmentCode = "F1", ownerEmail = "head.f2.assign@test.local" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var byPerson = await api.PostAsJsonAsync($"/api/feedback/{id}/assign", new { ownerEmail = "head.f1.assign@test.local" });
        byPerson.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await byPerson.Content.ReadFromJsonAsync<JsonElement>();
        detail.GetProperty("ownerName").GetString().ShouldBe("head.f1.assign@test.local");
        detail.GetProperty("handlingDepartmentCode").GetString().ShouldBe("F1");
    }

    [Fact]
    public async Task The_patient_is_shown_the_ordinary_acknowledge_by_for_a_high_risk_case()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "再不给说法我明天就带人来拉横幅堵门，砍了那个医生", departmentCodes = new[] { "F3" } });
        var code = created.GetProperty("trackingCode").GetString();
        var received = DateTimeOffset.Parse(created.GetProperty("receivedAt").GetString()!);
        var shown = DateTimeOffset.Parse(created.GetProperty("acknowledgeBy").GetString()!);
        shown.ShouldBeGreaterThan(received.AddHours(12));
        var thirty = received.AddMinutes(30).ToString("yyyy-MM-dd HH:mm");
        var patient = CookieBrowser.Anonymous(app);
        foreach (var page in new[] { $"/Patient/Feedback/Received/{code}", $"/Patient/Track/{code}" })
        {
            var html = await patient.GetHtmlAsync(page);
            html.ShouldContain($"id=\"acknowledge-by\">{shown:yyyy-MM-dd HH:mm}</dd>");
            html.ShouldNotContain(thirty);
        }
    }
}

/// <summary>Issue 8, defects 10 and 17: the patient's form (staff by department, pinyin order, required fields) and the escalated tracking page.</summary>
public class FeedbackPatientDefectsTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task SeedNamesAsync()
    {
        await app.SeedAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        if (await db.Staff.AnyAsync(s => s.Code == "PY1")) return;
        var f1 = await db.Departments.SingleAsync(d => d.Code == "F1");
        foreach (var (code, name) in new[] { ("PY1", "张伟"), ("PY2", "李娜"), ("PY3", "陈静"), ("PY4", "王芳") })
            db.Staff.Add(new Staff { Code = code, Name = name, DepartmentId = f1.Id });
        await db.SaveChangesAsync();
    }

    private static string StaffSelect(string html)
    {
        var start = html.IndexOf("<select class=\"form-select form-select-lg \" id=\"StaffCode\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "the form has no staff picker");
        return html[start..(html.IndexOf("</select>", start, StringComparison.Ordinal) + 9)];
    }

    [Fact]
    public async Task The_staff_picker_lists_nobody_until_a_department_is_chosen_then_that_departments_staff_in_pinyin_order()
    {
        await SeedNamesAsync();
        var patient = CookieBrowser.Anonymous(app);
        var html = await patient.GetHtmlAsync("/Patient/Feedback");
        var picker = StaffSelect(html);
        System.Text.RegularExpressions.Regex.Count(picker, "<option").ShouldBe(1);
        picker.ShouldContain("请先选择科室");

        // Required fields are marked, visibly and for assistive technology.
        html.ShouldContain("id=\"Text\" name=\"Text\" rows=\"7\" maxlength=\"20000\" required aria-required=\"true\"");
        html.ShouldContain("required-mark");
        html.ShouldContain("aria-required=\"true\"");

        // Without JavaScript: choose the department, list its staff; what was typed is kept and nothing is saved.
        var listed = await patient.PostFormAsync("/Patient/Feedback", "/Patient/Feedback?handler=Staff",
            new Dictionary<string, string> { ["Type"] = "complaint", ["Dept"] = "F1", ["Text"] = "医生没有解释用药", ["Src"] = "web" });
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listedHtml = await listed.Content.ReadAsStringAsync();
        listedHtml.ShouldContain("医生没有解释用药</textarea>");
        picker = StaffSelect(listedHtml);
        var names = System.Text.RegularExpressions.Regex.Matches(picker, "<option value=\"(\\w+)\">([^<]+)</option>").Select(m => m.Groups[2].Value).ToList();
        names.ShouldBe(["陈静", "李娜", "王芳", "医生D1", "张伟"]); // chen, li, wang, yi, zhang
        picker.ShouldNotContain("医生D2");
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<TrustDbContext>().FeedbackCases.AnyAsync(c => c.Content == "医生没有解释用药")).ShouldBeFalse();

        // A poster's department link lists that department's staff at once.
        StaffSelect(await patient.GetHtmlAsync("/Patient/Feedback?dept=F2")).ShouldContain("医生D2");
    }

    [Fact]
    public async Task An_escalated_anonymous_patient_is_told_what_happens_instead_of_being_promised_a_call()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.escalate@test.local", [Roles.PatientRelations]);
        var anonymous = await app.CreateAsync(app.AnonymousClient(), new { content = "手术后一直发烧，医生也没解释原因，我要起诉", departmentCodes = new[] { "F1" }, anonymous = true });
        var named = await app.CreateAsync(app.AnonymousClient(), new { content = "手术后伤口感染，要求赔偿", departmentCodes = new[] { "F1" }, name = "吴先生", mobile = "13400134005" });
        foreach (var c in new[] { anonymous, named })
            (await office.PostAsJsonAsync($"/api/feedback/{c.GetProperty("id").GetInt32()}/escalate", new { text = "转医疗纠纷" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var patient = CookieBrowser.Anonymous(app);
        var page = await patient.GetHtmlAsync($"/Patient/Track/{anonymous.GetProperty("trackingCode").GetString()}");
        page.ShouldContain("id=\"escalated\"");
        page.ShouldContain("您是匿名提交的，医院无法主动联系您");
        page.ShouldNotContain("与您联系");
        page = await patient.GetHtmlAsync($"/Patient/Track/{named.GetProperty("trackingCode").GetString()}");
        page.ShouldContain("工作人员会按您留下的手机号与您联系");
        var track = await app.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/feedback/track/{anonymous.GetProperty("trackingCode").GetString()}");
        track.GetProperty("contactable").GetBoolean().ShouldBeFalse();
    }
}
