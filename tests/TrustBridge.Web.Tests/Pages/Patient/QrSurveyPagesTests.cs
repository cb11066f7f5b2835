using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Tests.Surveys;

namespace TrustBridge.Web.Tests.Pages.PatientSurveys; // not ".Patient": that would hide the Patient entity from the sibling test folders

/// <summary>The department QR posters and the anonymous survey they open.</summary>
public class QrSurveyPagesTests(WaveFixture app) : IClassFixture<WaveFixture>
{
    private static Dictionary<string, string> AllAnswers() =>
        SurveyPagesTests.StepAnswers.SelectMany(s => s).ToDictionary(kv => kv.Key, kv => kv.Value);

    private async Task<T> WithDb<T>(Func<TrustDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    [Fact]
    public async Task A_poster_answer_is_stored_as_qr_and_the_fourth_from_one_phone_the_same_day_gets_429()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        var first = await phone.Client.GetAsync("/q/W1");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("tb_device=") && c.Contains("httponly"));
        var html = await first.Content.ReadAsStringAsync();
        html.ShouldContain("门诊患者满意度调查");
        html.ShouldContain("<strong>消化内科</strong>");
        var today = app.Services.GetRequiredService<HospitalClock>().Today;
        html.ShouldContain($"<strong>{today:yyyy-MM-dd}</strong>");

        // Steps travel in the form: the next step carries the answers of the first as hidden fields.
        var next = await phone.PostFormAsync("/q/W1", "/q/W1", new Dictionary<string, string>(SurveyPagesTests.StepAnswers[0]) { ["step"] = "0", ["move"] = "next" });
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await next.Content.ReadAsStringAsync();
        second.ShouldContain("第 2 步，共 4 步");
        second.ShouldContain("<input type=\"hidden\" name=\"q_A1\" value=\"5\">");

        var before = await WithDb(db => db.SurveyResponses.CountAsync(r => r.Source == ResponseSources.Qr));
        for (var i = 0; i < 3; i++)
        {
            var answer = await phone.PostFormAsync("/q/W1", "/q/W1?handler=Submit", new Dictionary<string, string>(AllAnswers()) { ["step"] = "3" });
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
            answer.Headers.Location!.OriginalString.ShouldBe("/Patient/Thanks");
        }
        var stored = await WithDb(db => db.SurveyResponses.AsNoTracking().Where(r => r.Source == ResponseSources.Qr).OrderBy(r => r.Id).ToListAsync());
        stored.Count.ShouldBe(before + 3);
        var w1 = await WithDb(db => db.Departments.SingleAsync(d => d.Code == "W1"));
        stored.ShouldAllBe(r => r.DepartmentId == w1.Id && r.EncounterDate == today && r.StaffId == null && r.ResponseKey.StartsWith("qr-"));
        stored[^1].Score!.Value.ShouldBe(SurveyPagesTests.ExpectedScore, 1e-9);
        stored.Select(r => r.ResponseKey).Distinct().Count().ShouldBe(stored.Count);

        var fourth = await phone.PostFormAsync("/q/W1", "/q/W1?handler=Submit", new Dictionary<string, string>(AllAnswers()) { ["step"] = "3" });
        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        fourth.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await fourth.Content.ReadAsStringAsync()).ShouldContain("今天已经评价过了");
        (await phone.PostFormAsync("/q/W1", "/q/W1?handler=submit&handler=other", new Dictionary<string, string>(AllAnswers()) { ["step"] = "3" }))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests); // no way around the limit through the query
        (await WithDb(db => db.SurveyResponses.CountAsync(r => r.Source == ResponseSources.Qr))).ShouldBe(before + 3);

        // The limit is per phone: the next patient in the waiting room can still answer, and browsing is never limited.
        (await phone.Client.GetAsync("/q/W1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = CookieBrowser.Anonymous(app);
        (await other.PostFormAsync("/q/W1", "/q/W1?handler=Submit", new Dictionary<string, string>(AllAnswers()) { ["step"] = "3" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Unknown_departments_bad_answers_and_posts_without_the_token_are_refused()
    {
        await app.SeedAsync();
        var phone = CookieBrowser.Anonymous(app);
        var unknown = await phone.Client.GetAsync("/q/NOPE");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("找不到该科室的问卷");

        var before = await WithDb(db => db.SurveyResponses.CountAsync(r => r.Source == ResponseSources.Qr));
        var bad = await phone.PostFormAsync("/q/W2", "/q/W2?handler=Submit", new Dictionary<string, string> { ["step"] = "3", ["q_RECOMMEND"] = "11" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("请从给出的选项中选择。");
        var forged = await phone.Client.PostAsync("/q/W2?handler=Submit", new FormUrlEncodedContent(AllAnswers()));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WithDb(db => db.SurveyResponses.CountAsync(r => r.Source == ResponseSources.Qr))).ShouldBe(before);
    }

    [Fact]
    public async Task Staff_print_one_poster_per_clinical_department_pointing_at_its_survey()
    {
        await app.SeedAsync();
        (await CookieBrowser.Anonymous(app).Client.GetAsync("/Staff/Surveys/Posters")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var admin = await CookieBrowser.AdminAsync(app);
        var html = await admin.GetHtmlAsync("/Staff/Surveys/Posters");
        html.ShouldContain("id=\"poster-W1\"");
        html.ShouldContain("id=\"poster-W2\"");
        html.ShouldContain("<p class=\"poster-link\">http://127.0.0.1:5080/q/W1</p>");
        html.ShouldContain("src=\"data:image/png;base64,iVBORw0KGgo"); // a PNG
        html.ShouldContain("posters.css");

        var one = await admin.GetHtmlAsync("/Staff/Surveys/Posters?department=W2");
        one.ShouldContain("id=\"poster-W2\"");
        one.ShouldNotContain("id=\"poster-W1\"");
    }
}
