using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Feedback;

public class FeedbackCasePageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<int> ComplaintAsync() =>
        (await app.CreateAsync(app.AnonymousClient(), new
        {
            content = "D1医生态度很差<b>不耐烦</b>，收费也不清楚", departmentCodes = new[] { "F1" }, staffCode = "D1", name = "李明", mobile = "13800138000",
        })).GetProperty("id").GetInt32();

    [Fact]
    public async Task The_office_drafts_and_sends_a_reply_through_the_forms()
    {
        await app.SeedAsync();
        var id = await ComplaintAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.case@test.local", [Roles.PatientRelations]);
        var url = $"/Staff/Feedback/Case/{id}";
        var page = await office.GetHtmlAsync(url);
        page.ShouldContain("李明");
        page.ShouldContain("138****8000");
        page.ShouldContain("&lt;b&gt;");
        page.ShouldNotContain("<b>不耐烦</b>");
        // Every category cue triage found in the text is highlighted where it occurs.
        var detail = await (await app.ClientWithRolesAsync("office.case@test.local", [Roles.PatientRelations])).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/feedback/{id}");
        var cues = detail.GetProperty("cues").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
        var marked = System.Text.RegularExpressions.Regex.Matches(page, "<mark class=\"triage-cue px-0\">([^<]+)</mark>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        marked.ShouldNotBeEmpty();
        marked.ShouldAllBe(m => cues.Contains(m));
        page.ShouldContain("value=\"send\"");
        // The assign form offers the logins a case can be handed to.
        HtmlForms.Single(page, "assign-form").Html.ShouldContain("<option value=\"office.case@test.local\"");

        var draft = await office.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "draft", ["text"] = "已与D1医生谈话，向您致歉。" });
        draft.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        draft.Headers.Location!.OriginalString.ShouldBe($"{url}?done=draft");
        page = await office.GetHtmlAsync(url);
        page.ShouldContain("id=\"send-text\" name=\"text\" rows=\"4\" maxlength=\"20000\">已与D1医生谈话，向您致歉。</textarea>");

        var empty = await office.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "note", ["text"] = " " });
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("case-error");

        var sent = await office.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "send", ["text"] = "已与D1医生谈话，向您致歉；费用明细已寄出。" });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await office.GetHtmlAsync(url);
        page.ShouldContain("case-status\">已答复");
        page.ShouldContain("费用明细已寄出");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var stored = await db.FeedbackCases.SingleAsync(c => c.Id == id);
        stored.Status.ShouldBe(CaseStatuses.Replied);
        stored.Reply.ShouldBe("已与D1医生谈话，向您致歉；费用明细已寄出。");
        stored.ReplyDraft.ShouldBeNull();
        (await db.FeedbackCaseEvents.CountAsync(e => e.CaseId == id && e.Kind == "reply-sent")).ShouldBe(1);
    }

    [Fact]
    public async Task Supervisor_reads_without_forms_clinician_without_identity_other_head_not_at_all()
    {
        await app.SeedAsync();
        var id = await ComplaintAsync();
        var url = $"/Staff/Feedback/Case/{id}";

        var supervisor = await CookieBrowser.WithRolesAsync(app, "sup.case@test.local", [Roles.Supervisor]);
        var read = await supervisor.GetHtmlAsync(url);
        read.ShouldContain("李明");
        read.ShouldNotContain("name=\"act\"");
        var post = await supervisor.PostFormAsync(url, url, new Dictionary<string, string> { ["act"] = "note", ["text"] = "督查意见" });
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await app.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/users", new { email = "dr.d1.case@test.local", displayName = "D1", password = TrustBridgeFactory.UserPassword, roles = new[] { Roles.Clinician }, departmentCodes = new[] { "F1" }, staffCode = "D1" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var clinician = await CookieBrowser.SignedInAsync(app, "dr.d1.case@test.local", TrustBridgeFactory.UserPassword);
        var own = await clinician.GetHtmlAsync(url);
        own.ShouldContain("不耐烦");
        own.ShouldNotContain("李明");
        own.ShouldNotContain("138****8000");
        own.ShouldNotContain("name=\"act\"");

        var head = await CookieBrowser.WithRolesAsync(app, "head.f1.case@test.local", [Roles.DepartmentHead], ["F1"]);
        var mine = await head.GetHtmlAsync(url);
        mine.ShouldContain("value=\"draft\"");
        mine.ShouldNotContain("value=\"send\""); // only the office sends replies
        var other = await CookieBrowser.WithRolesAsync(app, "head.f2.case@test.local", [Roles.DepartmentHead], ["F2"]);
        (await other.Client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync("/Staff/Feedback", url, new Dictionary<string, string> { ["act"] = "note", ["text"] = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_entry_of_a_phone_case_is_acknowledged_with_the_deadline_from_its_received_time()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.entry@test.local", [Roles.PatientRelations]);
        var form = (await office.GetHtmlAsync("/Staff/Feedback/New"));
        form.ShouldContain("type=\"datetime-local\"");

        var preview = await office.PostFormAsync("/Staff/Feedback/New", "/Staff/Feedback/New?handler=Triage",
            new Dictionary<string, string> { ["Channel"] = "phone", ["Content"] = "他们收费不透明，我要去卫健委投诉" });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        previewHtml.ShouldContain("<mark class=\"triage-cue me-1\">卫健委</mark>");
        previewHtml.ShouldContain("他们收费不透明，我要去卫健委投诉</textarea>");
        // With htmx only the suggestion comes back, to replace the preview in place.
        var hx = new HttpRequestMessage(HttpMethod.Post, "/Staff/Feedback/New?handler=Triage")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Content"] = "医生收了红包", ["__RequestVerificationToken"] = CookieBrowser.TokenIn(await office.GetHtmlAsync("/Staff/Feedback/New")),
            }),
        };
        hx.Headers.Add("HX-Request", "true");
        var fragment = await (await office.Client.SendAsync(hx)).Content.ReadAsStringAsync();
        fragment.ShouldStartWith("<div id=\"triage-preview\"");
        fragment.ShouldContain("医德医风");
        fragment.ShouldNotContain("<html");

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Channel", "phone"), new("ReceivedAt", "2026-09-30T15:00"), new("Type", "complaint"), new("DepartmentCodes", "F1"), new("DepartmentCodes", "F2"),
            new("Name", "张伟"), new("Mobile", "13912345678"), new("PatientMrn", "MRN-F1"), new("Content", "两个科室互相推诿，电话反映"),
        };
        var created = await office.PostFormAsync("/Staff/Feedback/New", "/Staff/Feedback/New", fields);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var c = await db.FeedbackCases.Include(x => x.Departments).Include(x => x.Patient).SingleAsync(x => x.Id == id);
            c.Channel.ShouldBe("phone");
            c.Status.ShouldBe(CaseStatuses.Acknowledged);
            c.Departments.Count.ShouldBe(2);
            c.Patient!.Mrn.ShouldBe("MRN-F1");
            c.MobileMasked.ShouldBe("139****5678");
            c.ReceivedAt.ShouldBe(new DateTime(2026, 9, 30, 7, 0, 0, DateTimeKind.Utc));
            c.DueBy.ShouldBe(new DateTime(2026, 10, 20, 15, 59, 59, DateTimeKind.Utc)); // two departments: 10th working day, 23:59:59 local
        }
        (await office.GetHtmlAsync($"/Staff/Feedback/Case/{id}")).ShouldContain("2026-10-20 23:59");

        var spot = await office.PostFormAsync("/Staff/Feedback/New", "/Staff/Feedback/New", new Dictionary<string, string>
        {
            ["Channel"] = "visit", ["ReceivedAt"] = "2026-11-02T09:30", ["Content"] = "来访反映候诊区空调太冷", ["ResolvedOnTheSpot"] = "true", ["Resolution"] = "已联系后勤调高温度",
        });
        spot.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var spotId = int.Parse(spot.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
        using (var scope = app.Services.CreateScope())
        {
            var c = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().FeedbackCases.SingleAsync(x => x.Id == spotId);
            c.Status.ShouldBe(CaseStatuses.Closed);
            c.ResolvedOnTheSpot.ShouldBeTrue();
            c.Reply.ShouldBe("已联系后勤调高温度");
        }

        var bad = await office.PostFormAsync("/Staff/Feedback/New", "/Staff/Feedback/New", new Dictionary<string, string> { ["Channel"] = "phone", ["ReceivedAt"] = "2026-11-02T09:30", ["Content"] = "" });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var supervisor = await CookieBrowser.WithRolesAsync(app, "sup.entry@test.local", [Roles.Supervisor]);
        (await supervisor.Client.GetAsync("/Staff/Feedback/New")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = CookieBrowser.TokenIn(await supervisor.GetHtmlAsync("/Staff/Feedback"));
        var denied = await supervisor.Client.PostAsync("/Staff/Feedback/New", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Channel"] = "phone", ["ReceivedAt"] = "2026-11-02T09:30", ["Content"] = "督查登记", ["__RequestVerificationToken"] = token,
        }));
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
