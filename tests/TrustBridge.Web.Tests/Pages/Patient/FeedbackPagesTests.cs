using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Pages.PatientFeedback; // not ".Patient": that would hide the Patient entity from the sibling test folders

/// <summary>The public feedback form, its confirmation, the tracking page and the staff's QR posters, as a browser without JavaScript uses them.</summary>
public class FeedbackPagesTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<T> WithDb<T>(Func<TrustDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    private Task<int> CaseCountAsync() => WithDb(db => db.FeedbackCases.CountAsync());

    private static Dictionary<string, string> Complaint(string text) => new()
    {
        ["Type"] = "complaint", ["Dept"] = "F1", ["Text"] = text, ["Name"] = "李雷", ["Mobile"] = "139 1234 5678", ["Src"] = "web",
    };

    private static async Task<HttpResponseMessage> PostMultipartAsync(CookieBrowser browser, string url, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var token = await browser.TokenFromAsync(url);
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "Files", name);
        }
        return await browser.Client.PostAsync(url, form);
    }

    [Fact]
    public async Task The_form_opens_without_signing_in_and_a_poster_link_chooses_the_department_and_channel()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        var html = await phone.GetHtmlAsync("/Patient/Feedback");
        html.ShouldContain("enctype=\"multipart/form-data\"");
        html.ShouldContain("name=\"__RequestVerificationToken\"");
        html.ShouldContain("id=\"type-complaint\" value=\"complaint\" checked=\"checked\"");
        html.ShouldContain("<option value=\"F3\">急诊科</option>");
        html.ShouldContain("<input type=\"hidden\" name=\"Src\" value=\"web\">");
        // No department chosen: nobody in the picker (issue 8, defect 17); a button lists them without JavaScript.
        Picker(html).ShouldNotContain("医生D1");
        html.ShouldContain("id=\"list-staff\" formaction=\"/Patient/Feedback?handler=Staff\"");

        var poster = await phone.GetHtmlAsync("/Patient/Feedback?dept=F2&src=qr");
        poster.ShouldContain("<option value=\"F2\" selected=\"selected\">消化科</option>");
        poster.ShouldContain("<input type=\"hidden\" name=\"Src\" value=\"qr\">");
        Picker(poster).ShouldContain("医生D2");
        Picker(poster).ShouldNotContain("医生D1");
    }

    private static string Picker(string html)
    {
        var start = html.IndexOf("id=\"StaffCode\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_complaint_is_stored_with_its_channel_and_the_patient_is_sent_to_the_confirmation_with_the_code()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        var resp = await phone.PostFormAsync("/Patient/Feedback", "/Patient/Feedback", new Dictionary<string, string>(Complaint("挂号窗口排队一个小时无人处理")) { ["StaffCode"] = "D1" });
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resp.Content.ReadAsStringAsync());
        var location = resp.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Patient/Feedback/Received/");
        var code = location["/Patient/Feedback/Received/".Length..];
        var stored = await WithDb(db => db.FeedbackCases.AsNoTracking().Include(c => c.Departments).ThenInclude(d => d.Department).Include(c => c.Staff).SingleAsync(c => c.TrackingCode == code));
        stored.Channel.ShouldBe(FeedbackChannels.Web);
        stored.Type.ShouldBe("complaint");
        stored.Content.ShouldBe("挂号窗口排队一个小时无人处理");
        stored.Departments.Single().Department!.Code.ShouldBe("F1");
        stored.Staff!.Code.ShouldBe("D1");
        stored.ComplainantName.ShouldBe("李雷");
        stored.MobileMasked.ShouldBe("139****5678");

        var confirmation = await phone.GetHtmlAsync(location);
        confirmation.ShouldContain($"<p class=\"tracking-code\" id=\"tracking-code\">{TrackingCodes.Display(code)}</p>");
        var clock = app.Services.GetRequiredService<TrustBridge.Web.Features.Hospital.HospitalClock>();
        confirmation.ShouldContain($"<dd id=\"acknowledge-by\">{clock.ToLocal(stored.AcknowledgeBy):yyyy-MM-dd HH:mm}</dd>");
        confirmation.ShouldContain($"<dd id=\"reply-by\">{clock.ToLocal(stored.DueBy):yyyy-MM-dd HH:mm}</dd>");
        confirmation.ShouldContain($"href=\"/Patient/Track/{code}\"");
        confirmation.ShouldContain("妥善保管");
        confirmation.ShouldNotContain("李雷");

        // From a poster: channel qr; anonymous drops the name and the mobile even when typed.
        var fromPoster = await phone.PostFormAsync("/Patient/Feedback?dept=F2&src=qr", "/Patient/Feedback?dept=F2&src=qr", new Dictionary<string, string>
        {
            ["Type"] = "praise", ["Dept"] = "F2", ["Src"] = "qr", ["Text"] = "护士很耐心，谢谢", ["Anonymous"] = "true", ["Name"] = "韩梅梅", ["Mobile"] = "13800001111",
        });
        fromPoster.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var qrCode = fromPoster.Headers.Location!.OriginalString.Split('/')[^1];
        var qr = await WithDb(db => db.FeedbackCases.AsNoTracking().SingleAsync(c => c.TrackingCode == qrCode));
        qr.Channel.ShouldBe(FeedbackChannels.Qr);
        qr.Type.ShouldBe("praise");
        qr.Anonymous.ShouldBeTrue();
        qr.ComplainantName.ShouldBeNull();
        qr.MobileEncrypted.ShouldBeNull();
    }

    [Fact]
    public async Task Bad_input_shows_the_form_again_with_the_error_beside_the_field_keeps_the_text_and_stores_nothing()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        var before = await CaseCountAsync();

        var badMobile = await phone.PostFormAsync("/Patient/Feedback", "/Patient/Feedback", new Dictionary<string, string>(Complaint("医生开药前没有说明副作用 <b>重要</b>")) { ["Mobile"] = "12345" });
        badMobile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await badMobile.Content.ReadAsStringAsync();
        html.ShouldContain("<div class=\"invalid-feedback d-block\" id=\"mobile-error\">手机号不正确：请填写 11 位中国大陆手机号。</div>");
        html.ShouldContain("医生开药前没有说明副作用 &lt;b&gt;重要&lt;/b&gt;</textarea>"); // kept, and escaped
        html.ShouldContain("value=\"李雷\"");
        html.ShouldContain("<option value=\"F1\" selected=\"selected\">");

        var empty = await phone.PostFormAsync("/Patient/Feedback", "/Patient/Feedback", new Dictionary<string, string>(Complaint("   ")));
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("id=\"content-error\">请写下您要反馈的内容。</div>");

        var noContact = await phone.PostFormAsync("/Patient/Feedback", "/Patient/Feedback", new Dictionary<string, string>(Complaint("没有留电话")) { ["Mobile"] = "" });
        (await noContact.Content.ReadAsStringAsync()).ShouldContain("id=\"mobile-error\">请填写手机号，或选择匿名提交。</div>");

        // A Windows program renamed to .jpg: recognised by its content, not its name.
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        var disguised = await PostMultipartAsync(phone, "/Patient/Feedback", Complaint("附上照片"), ("photo.jpg", exe));
        disguised.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var disguisedHtml = await disguised.Content.ReadAsStringAsync();
        disguisedHtml.ShouldContain("id=\"attachment-error\">附件只能是 JPG、PNG 或 PDF 文件，每个不超过 5 MB，最多 3 个。</div>");
        disguisedHtml.ShouldContain("附上照片</textarea>");

        var tooBig = new byte[Attachments.MaxBytes + 1];
        tooBig[0] = 0xFF; tooBig[1] = 0xD8; tooBig[2] = 0xFF;
        var big = await PostMultipartAsync(phone, "/Patient/Feedback", Complaint("照片很大"), ("big.jpg", tooBig));
        big.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await big.Content.ReadAsStringAsync()).ShouldContain("id=\"attachment-error\">每个附件不能超过 5 MB。</div>");

        // Over the page's request limit: back to the form with a clear message, never a 500.
        var huge = await PostMultipartAsync(phone, "/Patient/Feedback?dept=F1&src=qr", Complaint("四个大附件"), ("a.jpg", tooBig), ("b.jpg", tooBig), ("c.jpg", tooBig), ("d.jpg", tooBig));
        huge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = huge.Headers.Location!.OriginalString;
        back.ShouldBe("/Patient/Feedback?error=too-large&dept=F1&src=qr");
        var again = await phone.GetHtmlAsync(back);
        again.ShouldContain("id=\"attachment-error\">附件太大：所有附件合计不能超过 15 MB，请压缩或减少附件后重新提交。</div>");
        again.ShouldContain("<input type=\"hidden\" name=\"Src\" value=\"qr\">");

        (await CaseCountAsync()).ShouldBe(before);
        (await WithDb(db => db.FeedbackAttachments.CountAsync())).ShouldBe(0);

        // Without the anti-forgery token nothing is taken in.
        (await phone.Client.PostAsync("/Patient/Feedback", new FormUrlEncodedContent(Complaint("没有令牌")))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CaseCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_real_photo_is_kept_with_the_case()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var resp = await PostMultipartAsync(phone, "/Patient/Feedback", Complaint("收费单据有误，见照片"), ("收据.png", png));
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resp.Content.ReadAsStringAsync());
        var code = resp.Headers.Location!.OriginalString.Split('/')[^1];
        var attachment = await WithDb(db => db.FeedbackAttachments.AsNoTracking().SingleAsync(a => db.FeedbackCases.Any(c => c.Id == a.CaseId && c.TrackingCode == code)));
        attachment.ContentType.ShouldBe("image/png");
        attachment.FileName.ShouldBe("收据.png");
        attachment.Content.ShouldBe(png);
    }

    [Fact]
    public async Task The_tracking_page_shows_the_reply_never_notes_or_names_and_takes_one_rating()
    {
        await app.SeedAsync();
        var created = await app.CreateAsync(app.AnonymousClient(), new { content = "护士态度很差，对我妈妈大声呵斥", departmentCodes = new[] { "F1", "F2" }, name = "张伟", mobile = "13912345678", staffCode = "D1" });
        var id = created.GetProperty("id").GetInt32();
        var code = created.GetProperty("trackingCode").GetString()!;
        var office = await app.ClientWithRolesAsync("office.track@test.local", [Roles.PatientRelations]);
        var phone = CookieBrowser.Anonymous(app);

        var waiting = await phone.GetHtmlAsync($"/Patient/Track/{code}");
        waiting.ShouldContain("<li class=\"step-current\" aria-current=\"step\"><span class=\"step-dot\" aria-hidden=\"true\">1</span><span class=\"step-label\">已提交</span></li>");
        waiting.ShouldContain("<dd id=\"tracking-departments\">心内科、消化科</dd>");
        waiting.ShouldNotContain("id=\"rate\"");

        (await office.PostAsJsonAsync($"/api/feedback/{id}/acknowledge", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/notes", new { text = "内部：已约谈当班护士王某" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/reply", new { text = "已对当班护士进行批评教育，向您致歉。<script>alert(1)</script>" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.PostAsJsonAsync($"/api/feedback/{id}/reply/send", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Lower case and dashes as a patient may type them lead to the page.
        var typed = await phone.Client.GetAsync($"/Patient/Track?q={TrackingCodes.Display(code).ToLowerInvariant()}");
        typed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        typed.Headers.Location!.OriginalString.ShouldBe($"/Patient/Track/{code}");

        var html = await phone.GetHtmlAsync($"/Patient/Track/{code}");
        html.ShouldContain("已对当班护士进行批评教育，向您致歉。&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<script>alert(1)");
        html.ShouldContain("<span id=\"tracking-status\">已答复</span>");
        html.ShouldContain("<li class=\"step-current\" aria-current=\"step\"><span class=\"step-dot\" aria-hidden=\"true\">4</span><span class=\"step-label\">已答复</span></li>");
        foreach (var secret in new[] { "内部", "王某", "张伟", "139", "医生D1", "office.track", "护士态度很差" })
            html.ShouldNotContain(secret);
        html.ShouldContain("id=\"rate\"");
        html.ShouldContain("id=\"reopen\"");

        var bad = await phone.PostFormAsync($"/Patient/Track/{code}", $"/Patient/Track/{code}?handler=Rate", new Dictionary<string, string> { ["Comment"] = "没选分" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("id=\"rating-error\">请选择 1–5 分。</div>");

        var rated = await phone.PostFormAsync($"/Patient/Track/{code}", $"/Patient/Track/{code}?handler=Rate", new Dictionary<string, string> { ["Rating"] = "4", ["Comment"] = "处理及时" });
        rated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        rated.Headers.Location!.OriginalString.ShouldBe($"/Patient/Track/{code}?done=rated");
        var stored = await WithDb(db => db.FeedbackCases.AsNoTracking().SingleAsync(c => c.Id == id));
        stored.PatientRating.ShouldBe(4);
        stored.PatientRatingComment.ShouldBe("处理及时");
        stored.Status.ShouldBe(CaseStatuses.Closed);

        var after = await phone.GetHtmlAsync($"/Patient/Track/{code}?done=rated");
        after.ShouldContain("id=\"done-rated\"");
        after.ShouldContain("您的评价：4 / 5");
        after.ShouldContain("<span id=\"tracking-status\">已办结</span>");
        after.ShouldNotContain("id=\"rate\"");

        // Once only: a second rating (a stale page) is refused and the first stays.
        var twice = await phone.PostFormAsync($"/Patient/Track/{code}", $"/Patient/Track/{code}?handler=Rate", new Dictionary<string, string> { ["Rating"] = "1" });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("这条反馈已经评价过");
        (await WithDb(db => db.FeedbackCases.AsNoTracking().SingleAsync(c => c.Id == id))).PatientRating.ShouldBe(4);

        // Not satisfied after all: the patient asks again, with a reason.
        var noReason = await phone.PostFormAsync($"/Patient/Track/{code}", $"/Patient/Track/{code}?handler=Reopen", new Dictionary<string, string> { ["Reason"] = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("id=\"reason-error\">请写下您仍不满意的原因。</div>");
        var reopened = await phone.PostFormAsync($"/Patient/Track/{code}", $"/Patient/Track/{code}?handler=Reopen", new Dictionary<string, string> { ["Reason"] = "护士没有当面道歉" });
        reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithDb(db => db.FeedbackCases.AsNoTracking().SingleAsync(c => c.Id == id))).Status.ShouldBe(CaseStatuses.Reopened);
        var again = await phone.GetHtmlAsync($"/Patient/Track/{code}?done=reopened");
        again.ShouldContain("<span class=\"step-label\">重新办理中</span>");
        again.ShouldContain("id=\"reply-by\"");
        again.ShouldNotContain("id=\"rate\"");
    }

    [Fact]
    public async Task An_unknown_code_gets_a_clear_not_found_page()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        foreach (var url in new[] { "/Patient/Track/ABCDEFGHJKMN", "/Patient/Track/nonsense", "/Patient/Track?q=0000", "/Patient/Feedback/Received/ABCDEFGHJKMN" })
        {
            var resp = await phone.Client.GetAsync(url);
            resp.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            var html = await resp.Content.ReadAsStringAsync();
            html.ShouldContain("找不到这个查询码");
            html.ShouldContain("id=\"track-code\"");
        }
        (await phone.PostFormAsync("/Patient/Feedback", "/Patient/Track/ABCDEFGHJKMN?handler=Rate", new Dictionary<string, string> { ["Rating"] = "5" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await phone.GetHtmlAsync("/Patient/Track")).ShouldContain("id=\"track-enter\"");
    }

    [Fact]
    public async Task Staff_print_one_feedback_poster_per_department_and_anonymous_visitors_are_sent_to_log_in()
    {
        await app.SeedAsync();
        var anonymous = await CookieBrowser.Anonymous(app).Client.GetAsync("/Staff/Feedback/Posters");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/Account/Login");

        var staff = await CookieBrowser.WithRolesAsync(app, "office.posters@test.local", [Roles.PatientRelations]);
        var html = await staff.GetHtmlAsync("/Staff/Feedback/Posters");
        var departments = await WithDb(db => db.Departments.Where(d => d.Active).Select(d => d.Code).ToListAsync());
        foreach (var code in departments)
        {
            html.ShouldContain($"id=\"poster-{code}\"");
            html.ShouldContain($"<p class=\"poster-link\">http://127.0.0.1:5080/Patient/Feedback?dept={code}&amp;src=qr</p>");
        }
        System.Text.RegularExpressions.Regex.Matches(html, "<img class=\"poster-qr\" src=\"data:image/png;base64,iVBORw0KGgo").Count.ShouldBe(departments.Count);

        var one = await staff.GetHtmlAsync("/Staff/Feedback/Posters?department=F3");
        one.ShouldContain("id=\"poster-F3\"");
        one.ShouldNotContain("id=\"poster-F1\"");
        one.ShouldContain("posters.css");
    }
}

/// <summary>The intake limit on the form: a few posts a minute per address, then a page a patient can read (not JSON).</summary>
public class FeedbackFormLimitTests(FeedbackFormLimitTests.LowLimitFixture app) : IClassFixture<FeedbackFormLimitTests.LowLimitFixture>
{
    public sealed class LowLimitFixture : FeedbackFixture
    {
        protected override IEnumerable<(string Key, string Value)> ExtraSettings() => [.. base.ExtraSettings(), ("Feedback:IntakePerMinute", "2")];
    }

    [Fact]
    public async Task The_third_post_in_a_minute_gets_a_friendly_429_page_and_reading_is_never_limited()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        for (var i = 0; i < 2; i++)
            (await phone.PostFormAsync("/Patient/Feedback", "/Patient/Feedback", new Dictionary<string, string> { ["Type"] = "suggestion", ["Text"] = $"建议{i}", ["Anonymous"] = "true" }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var third = await phone.PostFormAsync("/Patient/Feedback", "/Patient/Feedback", new Dictionary<string, string> { ["Type"] = "suggestion", ["Text"] = "建议3", ["Anonymous"] = "true" });
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await third.Content.ReadAsStringAsync()).ShouldContain("提交过于频繁");
        (await phone.Client.GetAsync("/Patient/Feedback")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The API keeps its problem details.
        var api = await app.AnonymousClient().PostAsJsonAsync("/api/feedback", new { content = "接口" });
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
