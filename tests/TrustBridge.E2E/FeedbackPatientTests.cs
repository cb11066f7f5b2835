using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>A patient files a complaint on a phone, keeps the tracking code, and later reads the office's reply.</summary>
[Collection(AppCollection.Name)]
public sealed class FeedbackPatientTests(TrustBridgeApp app)
{
    private async Task<HttpClient> OfficeApiAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "yhb@e2e.local", password = SeedData.UserPassword });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return http;
    }

    private async Task<int> CaseIdAsync(string trackingCode)
    {
        await using var db = new SqliteConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id, channel FROM feedback_cases WHERE tracking_code = $code";
        cmd.Parameters.AddWithValue("$code", trackingCode);
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue("the case was not stored");
        r.GetString(1).ShouldBe("qr");
        return r.GetInt32(0);
    }

    [Fact]
    public async Task A_patient_files_a_complaint_on_a_phone_and_reads_the_reply_with_the_tracking_code()
    {
        await using var s = await BrowserSession.OpenAsync(app, Viewports.Phone);
        await s.Page.GotoAsync("/Patient/Feedback?dept=XNK&src=qr");
        (await s.Page.InputValueAsync("#Dept")).ShouldBe("XNK");
        (await s.Page.IsCheckedAsync("#type-complaint")).ShouldBeTrue();
        foreach (var label in await s.Page.QuerySelectorAllAsync(".feedback-types label"))
            (await label.BoundingBoxAsync())!.Height.ShouldBeGreaterThanOrEqualTo(48);

        await s.Page.FillAsync("#Text", "周二上午在心内科门诊候诊两个小时，叫号系统出错，护士站无人解释。");
        await s.Page.FillAsync("#Name", "王女士");
        await s.Page.FillAsync("#Mobile", TrustBridgeApp.FullMobile);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("feedback-form");

        // A mistyped mobile comes back beside the field with the text kept.
        await s.Page.FillAsync("#Mobile", "1381234");
        await s.Page.TapAsync("#feedback-submit");
        await s.Page.WaitForSelectorAsync("#mobile-error");
        (await s.Page.InputValueAsync("#Text")).ShouldContain("叫号系统出错");
        (await s.Page.InputValueAsync("#Dept")).ShouldBe("XNK");
        await s.ShouldNotScrollSidewaysAsync();
        await s.Page.FillAsync("#Mobile", TrustBridgeApp.FullMobile);
        await s.Page.TapAsync("#feedback-submit");
        await s.Page.WaitForURLAsync(u => new Uri(u).AbsolutePath.StartsWith("/Patient/Feedback/Received/"));
        var code = new Uri(s.Page.Url).AbsolutePath.Split('/')[^1];
        (await s.Page.TextContentAsync("#tracking-code"))!.Replace("-", "").ShouldBe(code);
        (await s.Page.TextContentAsync("#reply-by"))!.ShouldMatch(@"^20\d\d-\d\d-\d\d \d\d:\d\d$");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("feedback-received");

        // The office receives, answers and sends the reply.
        using var office = await OfficeApiAsync();
        var id = await CaseIdAsync(code);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/acknowledge", new { })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/api/feedback/{id}/notes", new { text = "内部：叫号系统当天故障，信息科已处理" })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/api/feedback/{id}/reply", new { text = "王女士您好：经核实，当天叫号系统故障导致候诊时间过长，已修复并安排导诊人员在高峰时段解释。给您带来不便，深表歉意。" })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/api/feedback/{id}/reply/send", new { })).EnsureSuccessStatusCode();

        // The patient types the code as written down.
        await s.Page.GotoAsync("/Patient/Track");
        await s.Page.FillAsync("#track-code", $"{code[..4].ToLowerInvariant()}-{code[4..8]}-{code[8..]}");
        await s.Page.PressAsync("#track-code", "Enter");
        await s.Page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/Patient/Track/{code}");
        (await s.Page.TextContentAsync("#tracking-status"))!.ShouldBe("已答复");
        (await s.Page.TextContentAsync("#tracking-reply"))!.ShouldContain("已修复并安排导诊人员");
        (await s.Page.ContentAsync()).ShouldNotContain("信息科已处理");
        (await s.Page.TextContentAsync("#tracking-departments"))!.ShouldBe("心血管内科");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("feedback-tracking");

        await s.Page.TapAsync("label[for=rating-5]");
        await s.Page.TapAsync("#rate-submit");
        await s.Page.WaitForSelectorAsync("#done-rated");
        (await s.Page.TextContentAsync("#tracking-rating"))!.ShouldContain("5 / 5");
        (await s.Page.TextContentAsync("#tracking-status"))!.ShouldBe("已办结");
    }

    [Fact]
    public async Task On_a_phone_the_form_lists_a_departments_staff_in_pinyin_order_and_the_escalated_tracking_page_reads_in_english()
    {
        // Issue 8, defect 17: no department, no staff; choosing one lists its staff in pinyin order (陈 chen before 赵 zhao).
        await using var s = await BrowserSession.OpenAsync(app, Viewports.Phone);
        await s.Page.GotoAsync("/Patient/Feedback");
        (await s.Page.Locator("#StaffCode option").CountAsync()).ShouldBe(1);
        (await s.Page.IsHiddenAsync("#list-staff")).ShouldBeTrue(); // the no-JavaScript button is not needed
        await s.Page.SelectOptionAsync("#Dept", "NK");
        (await s.Page.Locator("#StaffCode option").AllTextContentsAsync()).Skip(1).ShouldBe(["陈静 主任医师", "赵敏 主管护师"]);
        (await s.Page.GetAttributeAsync("#Text", "aria-required")).ShouldBe("true");
        await s.Page.CheckAsync("#Anonymous");
        (await s.Page.GetAttributeAsync("#Mobile", "aria-required")).ShouldBe("false");

        // Issue 8, defect 10: an escalated anonymous case, read in English on a phone.
        using var anonymous = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var resp = await anonymous.PostAsJsonAsync("/api/feedback", new { content = "手术后一直发烧，医生也没解释原因，我要起诉医院", departmentCodes = new[] { "WK" }, anonymous = true });
        var created = JsonDocument.Parse(await resp.Content.ReadAsStringAsync()).RootElement;
        var code = created.GetProperty("trackingCode").GetString()!;
        using var office = await OfficeApiAsync();
        (await office.PostAsJsonAsync($"/api/feedback/{created.GetProperty("id").GetInt32()}/escalate", new { text = "转医疗纠纷" })).EnsureSuccessStatusCode();
        await s.Page.GotoAsync($"/Culture?c=en&returnUrl={Uri.EscapeDataString($"/Patient/Track/{code}")}");
        await s.Page.WaitForSelectorAsync("#escalated");
        (await s.Page.TextContentAsync("#escalated-next"))!.ShouldContain("anonymously");
        var boxes = new List<ElementHandleBoundingBoxResult>();
        foreach (var label in await s.Page.QuerySelectorAllAsync(".tracking-steps .step-label")) boxes.Add((await label.BoundingBoxAsync())!);
        boxes.Count.ShouldBe(5);
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y;
                apart.ShouldBeTrue($"step labels {i} and {j} overlap");
            }
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("feedback-tracking-escalated-english");
        await s.Page.GotoAsync($"/Culture?c=zh-CN&returnUrl=%2FPatient%2FTrack");
    }

    [Fact]
    public async Task Staff_print_feedback_posters_that_open_the_form_for_the_department()
    {
        await using var s = await BrowserSession.OpenAsync(app, Viewports.Desktop);
        await s.LoginAsync();
        await s.Page.GotoAsync("/Staff/Feedback/Posters");
        (await s.Page.Locator(".poster").CountAsync()).ShouldBeGreaterThanOrEqualTo(SeedData.Departments.Length);
        (await s.Page.TextContentAsync("#poster-XNK .poster-department"))!.ShouldBe("心血管内科");
        (await s.Page.TextContentAsync("#poster-XNK .poster-link"))!.ShouldEndWith("/Patient/Feedback?dept=XNK&src=qr");
        var qr = (await s.Page.QuerySelectorAsync("#poster-XNK img.poster-qr"))!;
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(200);
        await s.ScreenshotAsync("feedback-poster");

        await s.Page.GotoAsync("/Staff/Feedback/Posters?department=XNK");
        var pdf = await s.Page.PdfAsync(new PagePdfOptions { Format = "A4" });
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").ShouldBe(1);
    }
}
