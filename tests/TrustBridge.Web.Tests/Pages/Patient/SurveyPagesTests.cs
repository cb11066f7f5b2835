using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Surveys;

namespace TrustBridge.Web.Tests.Pages.PatientSurveys; // not ".Patient": that would hide the Patient entity from the sibling test folders

/// <summary>The patient's survey behind an invitation link, as a browser without JavaScript uses it.</summary>
public class SurveyPagesTests(WaveFixture app) : IClassFixture<WaveFixture>
{
    /// <summary>satisfaction-outpatient in its four steps; the 15 likert answers add up to 64.</summary>
    public static readonly Dictionary<string, string>[] StepAnswers =
    [
        new() { ["q_A1"] = "5", ["q_A2"] = "4", ["q_C1"] = "5", ["q_C2"] = "4", ["q_C3"] = "4" },
        new() { ["q_F1"] = "3", ["q_F2"] = "4", ["q_O1"] = "5", ["q_O2"] = "5" },
        new() { ["q_P1"] = "3", ["q_P2"] = "4", ["q_E1"] = "4", ["q_E2"] = "4" },
        new() { ["q_V1"] = "5", ["q_V2"] = "5", ["q_OVERALL"] = "9", ["q_RECOMMEND"] = "10", ["q_COMMENT"] = "护士很耐心 <b>谢谢</b>" },
    ];

    public static readonly double ExpectedScore = (64.0 / 15 - 1) * 25;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int? _waveId;

    private async Task<List<SurveyInvitation>> InvitationsAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_waveId is null)
            {
                await app.SeedAsync();
                var office = await app.ClientWithRolesAsync("office.patientpages@test.local", ["PatientRelations"]);
                var resp = await office.PostAsJsonAsync("/api/surveys/waves", new
                {
                    name = "患者页面测试", instrument = "satisfaction-outpatient", periodFrom = "2026-08-01", periodTo = "2026-10-31",
                    departmentCodes = new[] { "W1", "W2" }, margin = 0.2, responseRate = 0.5, seed = 7, contactDate = "2026-11-05",
                });
                resp.EnsureSuccessStatusCode();
                _waveId = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            }
        }
        finally
        {
            Gate.Release();
        }
        return await WithDb(db => db.SurveyInvitations.AsNoTracking().Where(i => i.WaveId == _waveId).OrderBy(i => i.Id).ToListAsync());
    }

    private async Task<T> WithDb<T>(Func<TrustDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    private static async Task<HttpResponseMessage> PostStepAsync(CookieBrowser browser, string token, int step, string? move = "next", bool submit = false)
    {
        var fields = new Dictionary<string, string>(StepAnswers[step]) { ["step"] = step.ToString() };
        if (move is not null && !submit) fields["move"] = move;
        return await browser.PostFormAsync($"/s/{token}?step={step}", submit ? $"/s/{token}?handler=Submit" : $"/s/{token}", fields);
    }

    [Fact]
    public async Task The_page_shows_the_wave_instrument_step_by_step_with_labels_the_department_and_the_visit_date()
    {
        var invitation = (await InvitationsAsync())[0];
        var department = await WithDb(db => db.Departments.Where(d => d.Id == invitation.DepartmentId).Select(d => d.Name).SingleAsync());
        var patientName = await WithDb(db => db.Patients.Where(p => p.Id == invitation.PatientId).Select(p => p.Name).SingleAsync());

        var html = await CookieBrowser.Anonymous(app).GetHtmlAsync($"/s/{invitation.Token}");
        html.ShouldContain("门诊患者满意度调查");
        html.ShouldContain($"<strong>{department}</strong>");
        html.ShouldContain($"<strong>{invitation.EncounterDate:yyyy-MM-dd}</strong>");
        html.ShouldContain("第 1 步，共 4 步");
        html.ShouldContain("<legend><span class=\"item-number\">1.</span>医护人员对我态度亲切、有耐心。</legend>");
        html.ShouldContain("<input type=\"radio\" class=\"btn-check\" name=\"q_A1\" id=\"q_A1_1\" value=\"1\" autocomplete=\"off\">");
        html.ShouldContain("<label class=\"btn btn-outline-primary\" for=\"q_A1_1\">完全不同意</label>");
        html.ShouldContain("<label class=\"btn btn-outline-primary\" for=\"q_C3_5\">完全同意</label>");
        html.ShouldNotContain("q_F1"); // the next dimensions come on the next step
        html.ShouldContain("name=\"__RequestVerificationToken\"");
        html.ShouldNotContain(patientName);
        html.ShouldNotContain("****"); // no masked mobile either

        var browser = CookieBrowser.Anonymous(app);
        await browser.Client.GetAsync($"/Culture?c=en&returnUrl=%2F");
        var english = await browser.GetHtmlAsync($"/s/{invitation.Token}");
        english.ShouldContain("Doctors and nurses were kind and patient with me.");
        english.ShouldContain("Strongly agree");
        english.ShouldContain("Step 1 of 4");
    }

    [Fact]
    public async Task Each_step_saves_a_draft_and_the_link_resumes_at_the_first_unanswered_step()
    {
        var invitation = (await InvitationsAsync())[1];
        var browser = CookieBrowser.Anonymous(app);
        var first = await PostStepAsync(browser, invitation.Token, 0);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        first.Headers.Location!.OriginalString.ShouldBe($"/s/{invitation.Token}?step=1");
        (await PostStepAsync(browser, invitation.Token, 1)).Headers.Location!.OriginalString.ShouldBe($"/s/{invitation.Token}?step=2");

        var draft = await WithDb(db => db.SurveyDrafts.AsNoTracking().SingleAsync(d => d.InvitationId == invitation.Id));
        draft.Step.ShouldBe(2);
        draft.Answers.ShouldBe("A1=5;A2=4;C1=5;C2=4;C3=4;F1=3;F2=4;O1=5;O2=5");

        // Another day, another browser: the same link opens at step 3 with nothing lost.
        var later = CookieBrowser.Anonymous(app);
        var resumed = await later.GetHtmlAsync($"/s/{invitation.Token}");
        resumed.ShouldContain("第 3 步，共 4 步");
        resumed.ShouldContain("name=\"q_P1\"");
        (await later.GetHtmlAsync($"/s/{invitation.Token}?step=3")).ShouldContain("第 3 步，共 4 步"); // cannot skip ahead
        var back = await later.GetHtmlAsync($"/s/{invitation.Token}?step=0");
        back.ShouldContain("name=\"q_A1\" id=\"q_A1_5\" value=\"5\" checked=\"checked\"");
        back.ShouldContain("name=\"q_A2\" id=\"q_A2_4\" value=\"4\" checked=\"checked\"");

        // Going back keeps the place: the link still resumes at step 3.
        var backPost = await later.PostFormAsync($"/s/{invitation.Token}?step=1", $"/s/{invitation.Token}",
            new Dictionary<string, string>(StepAnswers[1]) { ["step"] = "1", ["move"] = "back", ["q_F1"] = "2" });
        backPost.Headers.Location!.OriginalString.ShouldBe($"/s/{invitation.Token}?step=0");
        (await WithDb(db => db.SurveyDrafts.AsNoTracking().SingleAsync(d => d.InvitationId == invitation.Id))).Step.ShouldBe(2);
        (await WithDb(db => db.SurveyDrafts.AsNoTracking().SingleAsync(d => d.InvitationId == invitation.Id))).Answers.ShouldContain("F1=2");
        (await later.GetHtmlAsync($"/s/{invitation.Token}")).ShouldContain("第 3 步，共 4 步");
        (await WithDb(db => db.SurveyResponses.CountAsync(r => r.ResponseKey == $"inv-{invitation.Id}"))).ShouldBe(0);
    }

    [Fact]
    public async Task The_last_step_stores_exactly_one_scored_response_and_the_link_then_says_completed()
    {
        var invitation = (await InvitationsAsync())[2];
        var browser = CookieBrowser.Anonymous(app);
        for (var step = 0; step < 3; step++) (await PostStepAsync(browser, invitation.Token, step)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var last = await browser.GetHtmlAsync($"/s/{invitation.Token}");
        last.ShouldContain("第 4 步，共 4 步");
        last.ShouldContain("formaction=\"/s/" + invitation.Token + "?handler=Submit\"");
        last.ShouldContain("<label class=\"btn btn-outline-primary\" for=\"q_RECOMMEND_10\">10</label>");
        last.ShouldContain("<label class=\"form-label fw-semibold\" for=\"q_COMMENT\">");

        var done = await PostStepAsync(browser, invitation.Token, 3, submit: true);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, await done.Content.ReadAsStringAsync());
        done.Headers.Location!.OriginalString.ShouldBe("/Patient/Thanks");
        var thanks = await browser.GetHtmlAsync("/Patient/Thanks");
        thanks.ShouldContain("感谢您的评价！");
        thanks.ShouldContain("href=\"/Public\"");
        (await browser.GetHtmlAsync("/Public")).ShouldContain("医院信息公开");

        var stored = await WithDb(db => db.SurveyResponses.AsNoTracking().Where(r => r.ResponseKey == $"inv-{invitation.Id}").ToListAsync());
        stored.Count.ShouldBe(1);
        stored[0].Source.ShouldBe(ResponseSources.Invitation);
        stored[0].Score!.Value.ShouldBe(ExpectedScore, 1e-9);
        stored[0].Trusts.ShouldBe(true); // mean 4.27 ≥ 4
        stored[0].Overall.ShouldBe(9);
        stored[0].Recommend.ShouldBe(10);
        stored[0].Comment.ShouldBe("护士很耐心 <b>谢谢</b>");
        stored[0].Answers.ShouldBe("A1=5;A2=4;C1=5;C2=4;C3=4;F1=3;F2=4;O1=5;O2=5;P1=3;P2=4;E1=4;E2=4;V1=5;V2=5;OVERALL=9;RECOMMEND=10");
        (await WithDb(db => db.SurveyDrafts.CountAsync(d => d.InvitationId == invitation.Id))).ShouldBe(0);

        var completed = await browser.Client.GetAsync($"/s/{invitation.Token}");
        completed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await completed.Content.ReadAsStringAsync();
        html.ShouldContain("data-state=\"answered\"");
        html.ShouldContain("已完成");
        html.ShouldNotContain("q_A1");

        // A second submit (the back button, a second tab) stores nothing and lands on the completed page.
        var token = await browser.TokenFromAsync($"/s/{invitation.Token}/optout");
        var again = await browser.Client.PostAsync($"/s/{invitation.Token}?handler=Submit", new FormUrlEncodedContent(
            StepAnswers[3].Append(new("step", "3")).Append(new("__RequestVerificationToken", token))));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.OriginalString.ShouldBe($"/s/{invitation.Token}");
        (await WithDb(db => db.SurveyResponses.CountAsync(r => r.ResponseKey == $"inv-{invitation.Id}"))).ShouldBe(1);
    }

    [Fact]
    public async Task The_comment_is_html_encoded_when_shown_again()
    {
        var invitation = (await InvitationsAsync())[3];
        var browser = CookieBrowser.Anonymous(app);
        for (var step = 0; step < 3; step++) await PostStepAsync(browser, invitation.Token, step);
        (await PostStepAsync(browser, invitation.Token, 3, move: "back")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await browser.GetHtmlAsync($"/s/{invitation.Token}?step=3");
        html.ShouldContain("护士很耐心 &lt;b&gt;谢谢&lt;/b&gt;</textarea>");
    }

    [Fact]
    public async Task Answers_outside_the_scale_get_the_step_again_with_a_message_and_are_not_saved()
    {
        var invitation = (await InvitationsAsync())[4];
        var browser = CookieBrowser.Anonymous(app);
        var resp = await browser.PostFormAsync($"/s/{invitation.Token}", $"/s/{invitation.Token}",
            new Dictionary<string, string> { ["step"] = "0", ["move"] = "next", ["q_A1"] = "9", ["q_A2"] = "4" });
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await resp.Content.ReadAsStringAsync();
        html.ShouldContain("请从给出的选项中选择。");
        html.ShouldContain("id=\"item-A1\"");
        (await WithDb(db => db.SurveyDrafts.CountAsync(d => d.InvitationId == invitation.Id))).ShouldBe(0);

        // Skipping every question and submitting is not an answer either.
        var empty = await browser.PostFormAsync($"/s/{invitation.Token}", $"/s/{invitation.Token}?handler=Submit", new Dictionary<string, string> { ["step"] = "3" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("请至少回答一个问题后再提交。");
        (await WithDb(db => db.SurveyResponses.CountAsync(r => r.ResponseKey == $"inv-{invitation.Id}"))).ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_expired_and_opted_out_links_get_clear_pages()
    {
        var invitations = await InvitationsAsync();
        var browser = CookieBrowser.Anonymous(app);

        var unknown = await browser.Client.GetAsync("/s/no-such-token");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("找不到这份问卷");

        var expired = invitations[5];
        await WithDb(db => db.SurveyInvitations.Where(i => i.Id == expired.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var gone = await browser.Client.GetAsync($"/s/{expired.Token}");
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
        var goneHtml = await gone.Content.ReadAsStringAsync();
        goneHtml.ShouldContain("问卷已过期");
        goneHtml.ShouldNotContain("q_A1");

        var optedOut = invitations[6];
        (await app.AnonymousClient().PostAsJsonAsync("/api/surveys/optout", new { token = optedOut.Token })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var closed = await browser.Client.GetAsync($"/s/{optedOut.Token}");
        closed.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await closed.Content.ReadAsStringAsync()).ShouldContain("您已退订调查");
    }

    [Fact]
    public async Task The_opt_out_page_explains_and_the_confirmation_sets_the_patients_opt_out()
    {
        var invitation = (await InvitationsAsync())[7];
        var browser = CookieBrowser.Anonymous(app);
        (await browser.GetHtmlAsync($"/s/{invitation.Token}")).ShouldContain($"href=\"/s/{invitation.Token}/optout\"");
        var page = await browser.GetHtmlAsync($"/s/{invitation.Token}/optout");
        page.ShouldContain("退订不会影响您的就诊、治疗和任何权益");
        page.ShouldContain("确认退订");
        (await WithDb(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitation.PatientId))).SurveyOptOut.ShouldBeFalse(); // a GET changes nothing

        var confirmed = await browser.PostFormAsync($"/s/{invitation.Token}/optout", $"/s/{invitation.Token}/optout", new Dictionary<string, string>());
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await confirmed.Content.ReadAsStringAsync()).ShouldContain("已为您退订");
        (await WithDb(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitation.PatientId))).SurveyOptOut.ShouldBeTrue();
        (await WithDb(db => db.SurveyInvitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id))).Status.ShouldBe(InvitationStatuses.OptedOut);

        (await browser.Client.GetAsync("/s/no-such-token/optout")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Posts_without_the_anti_forgery_token_are_refused()
    {
        var invitation = (await InvitationsAsync())[8];
        var client = CookieBrowser.Anonymous(app).Client;
        var step = await client.PostAsync($"/s/{invitation.Token}", new FormUrlEncodedContent(StepAnswers[0].Append(new("step", "0")).Append(new("move", "next"))));
        step.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var submit = await client.PostAsync($"/s/{invitation.Token}?handler=Submit", new FormUrlEncodedContent(StepAnswers[0].Append(new("step", "3"))));
        submit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var optOut = await client.PostAsync($"/s/{invitation.Token}/optout", new FormUrlEncodedContent([]));
        optOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await WithDb(db => db.SurveyDrafts.CountAsync(d => d.InvitationId == invitation.Id))).ShouldBe(0);
        (await WithDb(db => db.SurveyResponses.CountAsync(r => r.ResponseKey == $"inv-{invitation.Id}"))).ShouldBe(0);
        (await WithDb(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitation.PatientId))).SurveyOptOut.ShouldBeFalse();
    }
}
