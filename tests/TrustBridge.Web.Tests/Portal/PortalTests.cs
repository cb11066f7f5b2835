using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrustBridge.Web.Features.Portal;
using TrustBridge.Web.Tests.Infrastructure;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Portal;

/// <summary>A publication threshold of 3 answers, so a test can put one department above it and one below.</summary>
public sealed class PortalFactory : TrustBridgeFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings() => [("Portal:MinPublishedN", "3"), ("Reporting:MinUnitN", "3"), ("Feedback:IntakePerMinute", "100")];
}

public class PortalTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static HttpContent Csv(string text, Encoding? encoding = null, string? charset = null)
    {
        var content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(text));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = charset };
        return content;
    }

    private Task<HttpClient> OfficeAsync(string email = "office.portal@test.local") => app.ClientWithRolesAsync(email, ["PatientRelations"]);

    [Fact]
    public async Task Department_results_follow_the_contract_and_a_small_unit_says_insufficient_sample()
    {
        var office = await OfficeAsync();
        (await office.PostAsJsonAsync("/api/departments", new { code = "PR1", name = "心血管内科" })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync("/api/departments", new { code = "PR2", name = "眼科" })).EnsureSuccessStatusCode();
        var (from, _) = TrustBridge.Core.Calendar.Quarters.LastComplete(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
        var date = from.AddDays(10).ToString("yyyy-MM-dd");
        var rows = new StringBuilder("response_id,encounter_date,department_code,doctor_code,source,T01,T02,T03,T04,T05,T06,T07,T08,T09,T10\n");
        var answers = new[] { 5, 4, 4, 5 };
        for (var i = 0; i < answers.Length; i++)
            rows.Append($"pr1-{i},{date},PR1,,paper,").AppendJoin(',', Enumerable.Range(1, 10).Select(k => k is 1 or 6 or 8 ? 6 - answers[i] : answers[i])).Append('\n');
        rows.Append($"pr2-0,{date},PR2,,paper,").AppendJoin(',', Enumerable.Range(1, 10).Select(k => k is 1 or 6 or 8 ? 2 : 4)).Append('\n');
        (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(rows.ToString()))).EnsureSuccessStatusCode();

        var anonymous = app.AnonymousClient();
        var big = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/departments/PR1/results?instrument=trust-10");
        big.GetProperty("department").GetString().ShouldBe("PR1");
        var first = big.GetProperty("periods")[0];
        first.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["from", "to", "n", "published", "trustIndex", "ciLow", "ciHigh", "trustingRate", "rateCiLow", "rateCiHigh", "reason"]);
        first.GetProperty("from").GetString().ShouldBe(from.ToString("yyyy-MM-dd"));
        first.GetProperty("n").GetInt32().ShouldBe(4);
        first.GetProperty("published").GetBoolean().ShouldBeTrue();
        var index = first.GetProperty("trustIndex").GetDouble();
        first.GetProperty("ciLow").GetDouble().ShouldBeLessThan(index);
        first.GetProperty("ciHigh").GetDouble().ShouldBeGreaterThan(index);
        first.GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);

        // The same figure as the staff report (one implementation).
        var staff = await office.GetFromJsonAsync<JsonElement>($"/api/trust/report?instrument=trust-10&from={from:yyyy-MM-dd}&to={from.AddMonths(3).AddDays(-1):yyyy-MM-dd}");
        staff.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "PR1").GetProperty("trustIndex").GetDouble().ShouldBe(index);

        var small = (await anonymous.GetFromJsonAsync<JsonElement>("/api/public/departments/PR2/results?instrument=trust-10")).GetProperty("periods")[0];
        small.GetProperty("n").GetInt32().ShouldBe(1);
        small.GetProperty("published").GetBoolean().ShouldBeFalse();
        foreach (var f in new[] { "trustIndex", "ciLow", "ciHigh", "trustingRate", "rateCiLow", "rateCiHigh" }) small.GetProperty(f).ValueKind.ShouldBe(JsonValueKind.Null);
        small.GetProperty("reason").GetString()!.ShouldContain("insufficient-sample");

        var page = await CookieBrowser.Anonymous(app).GetHtmlAsync("/Public/Departments/PR2");
        page.ShouldContain("样本不足，暂不公布");
        (await CookieBrowser.Anonymous(app).GetHtmlAsync("/Public/Departments/PR1")).ShouldContain($"<strong>{index:0.0}</strong>");
        (await anonymous.GetAsync("/api/public/departments/NOPE/results?instrument=trust-10")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("body", "<script>alert(1)</script>")]
    [InlineData("body", "[点我](javascript:alert(1))")]
    [InlineData("body", "<img src=x onerror=alert(1)>")]
    [InlineData("title", "<SCRIPT src=//x></SCRIPT>")]
    public async Task Markdown_with_script_is_refused_naming_the_field(string field, string text)
    {
        var office = await OfficeAsync();
        var body = new Dictionary<string, object?> { ["title"] = "标题", ["body"] = "正文", ["category"] = 9 };
        body[field] = text;
        var resp = await office.PutAsJsonAsync("/api/portal/pages/faq/bad-" + Math.Abs(text.GetHashCode()), body);
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await resp.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public void Rendered_markdown_never_carries_script_handlers_or_script_links()
    {
        var html = SafeMarkdown.ToHtml("# 标题\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1)) <img src=x onerror=alert(1)> [b](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldContain("href=\"https://example.org\"");
        html.ShouldContain("<table>");
    }

    [Fact]
    public async Task An_faq_written_by_the_office_and_published_by_a_reviewer_changes_the_public_page()
    {
        var writer = await OfficeAsync("writer.portal@test.local");
        var reviewer = await OfficeAsync("reviewer.portal@test.local");
        var visitor = CookieBrowser.Anonymous(app);
        (await visitor.GetHtmlAsync("/Public/Faq")).ShouldNotContain("周末可以做核磁共振吗"); // also fills the output cache

        var saved = await writer.PutAsJsonAsync("/api/portal/pages/faq/weekend-mri", new { title = "周末可以做核磁共振吗？", body = "可以，**周六上午**开放预约。", category = 9 });
        saved.EnsureSuccessStatusCode();
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await writer.PostAsync($"/api/portal/pages/{id}/publish", JsonContent.Create(new { }))).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not reviewed yet
        (await writer.PostAsync($"/api/portal/pages/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await visitor.GetHtmlAsync("/Public/Faq")).ShouldNotContain("周末可以做核磁共振吗");
        (await writer.PostAsync($"/api/portal/pages/{id}/publish", JsonContent.Create(new { }))).StatusCode.ShouldBe(HttpStatusCode.Conflict); // the writer may not publish

        var past = await reviewer.PostAsJsonAsync($"/api/portal/pages/{id}/publish", new { publishAt = DateTimeOffset.UtcNow.AddHours(-2) });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("publishAt", out _).ShouldBeTrue();

        (await reviewer.PostAsJsonAsync($"/api/portal/pages/{id}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var html = await visitor.GetHtmlAsync("/Public/Faq");
        html.ShouldContain("周末可以做核磁共振吗？");
        html.ShouldContain("<strong>周六上午</strong>");

        // A second version scheduled for tomorrow leaves the public page as it is.
        (await writer.PutAsJsonAsync("/api/portal/pages/faq/weekend-mri", new { title = "周末可以做磁共振吗？", body = "周六全天开放。", category = 9 })).EnsureSuccessStatusCode();
        (await writer.PostAsync($"/api/portal/pages/{id}/submit", null)).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/portal/pages/{id}/publish", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) })).EnsureSuccessStatusCode();
        (await visitor.GetHtmlAsync("/Public/Faq")).ShouldContain("周六上午");

        var history = await writer.GetFromJsonAsync<JsonElement>($"/api/portal/pages/{id}");
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        versions.Count.ShouldBe(2);
        versions[1].GetProperty("writtenBy").GetString().ShouldBe("writer.portal@test.local");
        versions[1].GetProperty("reviewedBy").GetString().ShouldBe("reviewer.portal@test.local");
        (await app.AnonymousClient().PutAsJsonAsync("/api/portal/pages/faq/x", new { title = "x", body = "y" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Price_lists_import_search_page_and_export()
    {
        var office = await OfficeAsync();
        var csv = new StringBuilder("项目编码,项目名称,项目内涵,除外内容,计价单位,价格（元）,医保类别,说明\n");
        csv.Append("210500002,CT平扫（胸部）,含图像后处理,,部位,200.00,甲,\n");
        for (var i = 0; i < 30; i++) csv.Append($"9{i:D5},测试项目{i:D2},,,次,{i}.50,乙,\n");
        var gb = Encoding.GetEncoding("GB18030");
        var ok = await office.PutAsync("/api/portal/prices/service", Csv(csv.ToString(), gb));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32().ShouldBe(31);

        var visitor = CookieBrowser.Anonymous(app);
        var found = await visitor.GetHtmlAsync("/Public/Prices?q=CT");
        found.ShouldContain("CT平扫（胸部）");
        found.ShouldContain("200.00");
        var second = await visitor.GetHtmlAsync("/Public/Prices?page=2");
        second.ShouldContain("测试项目29");
        second.ShouldNotContain("测试项目02");
        var export = await app.AnonymousClient().GetAsync("/Public/Prices?handler=Export&q=CT");
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await export.Content.ReadAsStringAsync();
        text.ShouldContain("项目编码,项目名称");
        text.ShouldContain("CT平扫（胸部）");
        text.ShouldNotContain("测试项目");

        var bad = await office.PutAsync("/api/portal/prices/service", Csv("项目编码,项目名称,计价单位,价格\nA1,挂号,次,10\nA2,换药,次,十元\n"));
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var error = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        error.GetProperty("line").GetInt32().ShouldBe(3);
        error.GetProperty("column").GetString().ShouldBe("price");
        var unknown = await office.PutAsync("/api/portal/prices/service", Csv("项目名称,计价单位,价格,颜色\n挂号,次,10,红\n"));
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("颜色");
        (await visitor.GetHtmlAsync("/Public/Prices?q=CT")).ShouldContain("CT平扫（胸部）"); // the rejected files changed nothing
    }

    [Fact]
    public async Task Event_registration_waiting_list_duplicates_and_cancellation()
    {
        var office = await OfficeAsync();
        var created = await office.PostAsJsonAsync("/api/portal/events", new
        {
            kind = "lecture", title = "高血压健康讲座", place = "门诊楼一楼", capacity = 1,
            startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var anonymous = app.AnonymousClient();
        var events = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/events");
        events.EnumerateArray().ShouldContain(e => e.GetProperty("id").GetInt32() == id);

        var first = await anonymous.PostAsJsonAsync($"/api/public/events/{id}/registrations", new { name = "李华", mobile = "13912340001" });
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var registered = await first.Content.ReadFromJsonAsync<JsonElement>();
        registered.GetProperty("status").GetString().ShouldBe("registered");
        var reference = registered.GetProperty("reference").GetString()!;
        var second = await (await anonymous.PostAsJsonAsync($"/api/public/events/{id}/registrations", new { name = "王芳", mobile = "13912340002" })).Content.ReadFromJsonAsync<JsonElement>();
        second.GetProperty("status").GetString().ShouldBe("waitlisted");

        var twice = await anonymous.PostAsJsonAsync($"/api/public/events/{id}/registrations", new { name = "李华", mobile = "139-1234-0001" });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("mobile");
        var badMobile = await anonymous.PostAsJsonAsync($"/api/public/events/{id}/registrations", new { name = "李华", mobile = "12345" });
        badMobile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badMobile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("mobile", out _).ShouldBeTrue();

        var list = await office.GetFromJsonAsync<JsonElement>($"/api/portal/events/{id}/registrations");
        list[0].GetProperty("mobileMasked").GetString().ShouldBe("139****0001");
        list.GetRawText().ShouldNotContain("13912340001");

        // Cancelling by the link frees the seat for the waiting list.
        var browser = CookieBrowser.Anonymous(app);
        (await browser.GetHtmlAsync($"/Public/Registration/{reference}")).ShouldContain("139****0001");
        (await browser.PostFormAsync($"/Public/Registration/{reference}", $"/Public/Registration/{reference}", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        list = await office.GetFromJsonAsync<JsonElement>($"/api/portal/events/{id}/registrations");
        list.EnumerateArray().Select(r => r.GetProperty("status").GetString()).ShouldBe(["cancelled", "registered"]);
        var promoted = list[1].GetProperty("id").GetInt32();
        (await office.PostAsJsonAsync($"/api/portal/events/{id}/registrations/{promoted}/attendance", new { attended = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var past = await office.PostAsJsonAsync("/api/portal/events", new { kind = "lecture", title = "x", place = "y", capacity = 5, startsAt = DateTimeOffset.UtcNow.AddDays(-1), endsAt = DateTimeOffset.UtcNow });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.PostAsJsonAsync("/api/public/events/999999/registrations", new { name = "李华", mobile = "13912340001" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task You_said_we_did_is_published_by_quarter_without_its_source()
    {
        var office = await OfficeAsync();
        (await office.PostAsJsonAsync("/api/departments", new { code = "YS1", name = "检验科", kind = "medtech" })).EnsureSuccessStatusCode();
        var created = await office.PostAsJsonAsync("/api/portal/you-said-we-did", new
        {
            quarter = "2026Q3", departmentCode = "YS1", theme = "process", said = "抽血排队太久", did = "增加抽血窗口", status = "done", doneOn = "2026-09-20",
            sourceKind = "case", sourceId = 4711, published = true,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await app.AnonymousClient().GetStringAsync("/api/public/you-said-we-did?quarter=2026Q3");
        json.ShouldContain("抽血排队太久");
        json.ShouldNotContain("4711");
        json.ShouldNotContain("source", Case.Insensitive);
        (await app.AnonymousClient().GetAsync("/api/public/you-said-we-did?quarter=2026-3")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.PostAsJsonAsync("/api/portal/you-said-we-did", new { quarter = "2026Q3", theme = "nope", said = "x", did = "y" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CookieBrowser.Anonymous(app).GetHtmlAsync("/Public/YouSaidWeDid?quarter=2026Q3")).ShouldContain("增加抽血窗口");
        (await app.AnonymousClient().GetStringAsync("/Public/feed.atom")).ShouldContain("增加抽血窗口");
    }

    [Fact]
    public async Task Overlapping_sessions_are_refused_and_a_schedule_shows_on_the_doctor_page()
    {
        var office = await OfficeAsync();
        (await office.PostAsJsonAsync("/api/departments", new { code = "SC1", name = "心血管内科" })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync("/api/staff", new { code = "SCD1", name = "周明", title = "主任医师", departmentCode = "SC1", specialties = "冠心病" })).EnsureSuccessStatusCode();
        var overlap = await office.PutAsJsonAsync("/api/portal/doctors/SCD1/schedule", new { sessions = new[] { new { weekday = 2, halfDay = "am" }, new { weekday = 2, halfDay = "am" } } });
        overlap.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await overlap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sessions[1]", out _).ShouldBeTrue();
        (await office.PutAsJsonAsync("/api/portal/doctors/SCD1/schedule", new { sessions = new[] { new { weekday = 2, halfDay = "am", clinicKind = "专家门诊" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var html = await CookieBrowser.Anonymous(app).GetHtmlAsync("/Public/Doctors/SCD1");
        html.ShouldContain("<td class=\"on\">专家门诊");
        (await CookieBrowser.Anonymous(app).GetHtmlAsync("/Public/Departments/SC1")).ShouldContain("/Public/Doctors/SCD1");
        (await app.AnonymousClient().GetStringAsync("/sitemap.xml")).ShouldContain("/Public/Doctors/SCD1");
    }
}
