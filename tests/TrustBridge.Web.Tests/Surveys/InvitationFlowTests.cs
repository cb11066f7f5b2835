using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Tests.Surveys;

public class InvitationFlowTests(WaveFixture app) : IClassFixture<WaveFixture>
{
    private static readonly Dictionary<string, string> GoodAnswers = new()
    {
        ["A1"] = "5", ["A2"] = "4", ["C1"] = "5", ["C2"] = "4", ["C3"] = "4", ["F1"] = "3", ["F2"] = "4", ["O1"] = "5", ["O2"] = "5",
        ["P1"] = "3", ["P2"] = "4", ["E1"] = "4", ["E2"] = "4", ["V1"] = "5", ["V2"] = "5", ["OVERALL"] = "9", ["RECOMMEND"] = "10", ["COMMENT"] = "护士很耐心",
    };

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int? _waveId;

    /// <summary>One wave shared by the tests of this class: a second wave would find its patients resting for 90 days.</summary>
    private async Task<int> WaveAsync(HttpClient office)
    {
        await Gate.WaitAsync();
        try
        {
            return _waveId ??= await CreateWaveAsync(office);
        }
        finally
        {
            Gate.Release();
        }
    }

    private Task<int> CreateWaveAsync(HttpClient office) => app.CreateWaveAsync(office, "流程测试", 99);

    private async Task<List<SurveyInvitation>> InvitationsAsync(int waveId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrustDbContext>().SurveyInvitations.AsNoTracking().Where(i => i.WaveId == waveId).OrderBy(i => i.Id).ToListAsync();
    }

    private async Task<T> WithDb<T>(Func<TrustDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    [Fact]
    public async Task Invitations_go_out_a_patient_answers_once_and_the_answer_reaches_the_report()
    {
        var office = await app.ClientWithRolesAsync("office.flow@test.local", ["PatientRelations"]);
        var waveId = await WaveAsync(office);

        var pendingBefore = (await InvitationsAsync(waveId)).Where(i => i.Status == InvitationStatuses.Pending).Select(i => i.Id).ToList();
        var send = await (await office.PostAsync($"/api/surveys/waves/{waveId}/send", null)).Content.ReadFromJsonAsync<JsonElement>();
        send.GetProperty("queued").GetInt32().ShouldBe(pendingBefore.Count);
        pendingBefore.Count.ShouldBeGreaterThan(40);
        (await (await office.PostAsync($"/api/surveys/waves/{waveId}/send", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("queued").GetInt32().ShouldBe(0); // nothing is queued twice

        var sms = await WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == SendWaveInvitations.InvitationKind).ToListAsync());
        sms.Count.ShouldBe(pendingBefore.Count);
        sms.ShouldAllBe(m => m.Body.Contains("/s/") && m.RecipientMasked.Contains("****"));
        using (var scope = app.Services.CreateScope())
            while (await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync() > 0) { }
        var invitations = await InvitationsAsync(waveId);
        invitations.Where(i => pendingBefore.Contains(i.Id)).ShouldAllBe(i => i.Status == InvitationStatuses.Sent && i.SentAt != null);

        var patient = app.AnonymousClient();
        var token = invitations[0].Token;
        var first = await patient.PostAsJsonAsync("/api/surveys/responses", new { token, answers = GoodAnswers });
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        (await patient.PostAsJsonAsync("/api/surveys/responses", new { token, answers = GoodAnswers })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var stored = await WithDb(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.ResponseKey == $"inv-{invitations[0].Id}"));
        stored.Recommend.ShouldBe(10);
        stored.Comment.ShouldBe("护士很耐心");
        stored.Score!.Value.ShouldBe((64.0 / 15 - 1) * 25, 1e-9); // the 15 likert answers add up to 64

        var admin = await app.AdminClientAsync();
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/trust/report?instrument=satisfaction-outpatient&from=2026-08-01&to=2026-10-31");
        var answered = await WithDb(db => db.SurveyResponses.CountAsync());
        report.GetProperty("hospital").GetProperty("n").GetInt32().ShouldBe(answered);
        answered.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Bad_tokens_and_bad_answers_get_clear_answers()
    {
        var office = await app.ClientWithRolesAsync("office.flow2@test.local", ["PatientRelations"]);
        var waveId = await WaveAsync(office);
        var invitations = await InvitationsAsync(waveId);
        var patient = app.AnonymousClient();

        (await patient.PostAsJsonAsync("/api/surveys/responses", new { token = "not-a-token", answers = GoodAnswers })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bad = await patient.PostAsJsonAsync("/api/surveys/responses", new { token = invitations[1].Token, answers = new Dictionary<string, string> { ["A1"] = "7", ["ZZ"] = "1" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("A1", out _).ShouldBeTrue();
        errors.TryGetProperty("ZZ", out _).ShouldBeTrue();
        (await InvitationsAsync(waveId))[1].Status.ShouldNotBe(InvitationStatuses.Answered); // nothing stored

        await WithDb(db => db.SurveyInvitations.Where(i => i.Id == invitations[2].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddDays(-1))));
        (await patient.PostAsJsonAsync("/api/surveys/responses", new { token = invitations[2].Token, answers = GoodAnswers })).StatusCode.ShouldBe(HttpStatusCode.Gone);

        (await patient.PostAsJsonAsync("/api/surveys/optout", new { token = invitations[3].Token })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await WithDb(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitations[3].PatientId))).SurveyOptOut.ShouldBeTrue();
        (await patient.PostAsJsonAsync("/api/surveys/responses", new { token = invitations[3].Token, answers = GoodAnswers })).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Two_simultaneous_submits_of_one_link_store_one_answer()
    {
        var office = await app.ClientWithRolesAsync("office.flow3@test.local", ["PatientRelations"]);
        var waveId = await WaveAsync(office);
        var token = (await InvitationsAsync(waveId))[4].Token;
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.AnonymousClient().PostAsJsonAsync("/api/surveys/responses", new { token, answers = GoodAnswers })));
        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
    }

    [Fact]
    public async Task One_reminder_after_the_configured_days()
    {
        var office = await app.ClientWithRolesAsync("office.flow4@test.local", ["PatientRelations"]);
        var waveId = await WaveAsync(office);
        var invitations = await InvitationsAsync(waveId);
        await WithDb(db => db.SurveyInvitations.Where(i => i.Id == invitations[5].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatuses.Sent).SetProperty(i => i.SentAt, DateTime.UtcNow.AddDays(-4))));
        using var scope = app.Services.CreateScope();
        var send = scope.ServiceProvider.GetRequiredService<SendWaveInvitations>();
        (await send.RemindAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await send.RemindAsync()).ShouldBe(0);
        (await WithDb(db => db.OutboxMessages.CountAsync(m => m.Correlation == $"reminder:{invitations[5].Id}"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_low_answer_opens_a_service_recovery_task_for_the_office()
    {
        var office = await app.ClientWithRolesAsync("office.flow5@test.local", ["PatientRelations"]);
        var waveId = await WaveAsync(office);
        var invitation = (await InvitationsAsync(waveId))[6];
        var low = GoodAnswers.ToDictionary(a => a.Key, a => a.Key is "COMMENT" ? "排队两个小时没人管" : a.Key is "OVERALL" or "RECOMMEND" ? "2" : "1");
        (await app.AnonymousClient().PostAsJsonAsync("/api/surveys/responses", new { token = invitation.Token, answers = low })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var tasks = await office.GetFromJsonAsync<JsonElement>("/api/service-recovery?status=open");
        var task = tasks.EnumerateArray().Single(t => t.GetProperty("comment").GetString() == "排队两个小时没人管");
        task.GetProperty("score").GetDouble().ShouldBe(0);
        task.GetProperty("reason").GetString()!.ShouldContain("< 50");
        var id = task.GetProperty("id").GetInt32();
        (await office.PutAsJsonAsync($"/api/service-recovery/{id}", new { status = "done", notes = "已电话致歉并协调门诊流程" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.GetFromJsonAsync<JsonElement>("/api/service-recovery?status=open")).EnumerateArray()
            .ShouldNotContain(t => t.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task A_low_answer_with_a_comment_becomes_an_anonymous_survey_case_and_one_without_a_comment_does_not()
    {
        var office = await app.ClientWithRolesAsync("office.flow6@test.local", ["PatientRelations"]);
        var waveId = await WaveAsync(office);
        var invitations = await InvitationsAsync(waveId);
        var low = GoodAnswers.ToDictionary(a => a.Key, a => a.Key is "COMMENT" ? "医生看病不到两分钟就把我打发走了" : a.Key is "OVERALL" or "RECOMMEND" ? "2" : "1");
        (await app.AnonymousClient().PostAsJsonAsync("/api/surveys/responses", new { token = invitations[20].Token, answers = low })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var silent = low.Where(a => a.Key != "COMMENT").ToDictionary(a => a.Key, a => a.Value);
        (await app.AnonymousClient().PostAsJsonAsync("/api/surveys/responses", new { token = invitations[21].Token, answers = silent })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var answered = await WithDb(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.ResponseKey == $"inv-{invitations[20].Id}"));
        var quiet = await WithDb(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.ResponseKey == $"inv-{invitations[21].Id}"));
        var c = await WithDb(db => db.FeedbackCases.AsNoTracking().Include(x => x.Departments).SingleAsync(x => x.SurveyResponseId == answered.Id));
        c.Channel.ShouldBe(FeedbackChannels.Survey);
        c.Content.ShouldBe("医生看病不到两分钟就把我打发走了");
        c.Anonymous.ShouldBeTrue();
        c.ComplainantName.ShouldBeNull();
        c.MobileEncrypted.ShouldBeNull();
        c.DepartmentId.ShouldBe(answered.DepartmentId);
        c.Departments.Single().DepartmentId.ShouldBe(answered.DepartmentId);
        c.StaffId.ShouldBe(answered.StaffId);
        c.ReceivedAt.ShouldBe(answered.SubmittedAt, TimeSpan.FromSeconds(1));
        c.DueBy.ShouldBeGreaterThan(c.ReceivedAt);
        c.Status.ShouldBe(CaseStatuses.New);
        (await WithDb(db => db.FeedbackCaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == "created"))).ShouldBe(1);
        (await WithDb(db => db.FeedbackCases.CountAsync(x => x.SurveyResponseId == quiet.Id))).ShouldBe(0);
        // The survey team's task stays, and points at the case.
        var tasks = await office.GetFromJsonAsync<JsonElement>("/api/service-recovery");
        tasks.EnumerateArray().Single(t => t.GetProperty("responseId").GetInt64() == answered.Id).GetProperty("caseId").GetInt32().ShouldBe(c.Id);
        tasks.EnumerateArray().Single(t => t.GetProperty("responseId").GetInt64() == quiet.Id).GetProperty("caseId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_office_can_print_an_invitation_as_a_qr_code_and_it_is_audited()
    {
        var office = await app.ClientWithRolesAsync("office.qr@test.local", ["PatientRelations"]);
        var waveId = await WaveAsync(office);
        var invitations = await InvitationsAsync(waveId);
        var png = await office.GetAsync($"/api/surveys/invitations/{invitations[8].Id}/qr.png");
        png.StatusCode.ShouldBe(HttpStatusCode.OK);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await png.Content.ReadAsByteArrayAsync()).Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });

        await WithDb(db => db.SurveyInvitations.Where(i => i.Id == invitations[9].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatuses.Answered)));
        (await office.GetAsync($"/api/surveys/invitations/{invitations[9].Id}/qr.png")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await office.GetAsync("/api/surveys/invitations/999999/qr.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var clinician = await app.ClientWithRolesAsync("doc.qr@test.local", ["Clinician"], ["W1"]);
        (await clinician.GetAsync($"/api/surveys/invitations/{invitations[8].Id}/qr.png")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var audit = await (await app.AdminClientAsync()).GetFromJsonAsync<JsonElement>($"/api/audit?action=survey-invitation.qr-issued&entityId={invitations[8].Id}");
        audit.GetProperty("total").GetInt32().ShouldBe(1);
    }
}

