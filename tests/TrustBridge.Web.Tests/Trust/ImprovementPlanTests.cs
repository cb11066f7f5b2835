using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Trust;

public class LowAlarmFixture : TrustBridgeFactory
{
    /// <summary>The encounter date of every seeded answer.</summary>
    protected virtual DateOnly AnswerDate(IServiceProvider services) => new(2026, 9, 1);

    /// <summary>Four departments of 100 answers: 80, 80, 80 and 45 trusting. p0 = 0.7125; the last is far below its 99.8% limit (0.5726).</summary>
    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var instrument = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == ShippedInstruments.Trust10);
        var n = 0;
        foreach (var (code, trusting) in new[] { ("L1", 80), ("L2", 80), ("L3", 80), ("L4", 45) })
        {
            var d = db.Departments.Add(new Department { Code = code, Name = "科室" + code }).Entity;
            await db.SaveChangesAsync();
            for (var i = 0; i < 100; i++)
            {
                var raw = instrument.Items.ToDictionary(x => x.Code, x => (string?)(i < trusting ? (x.Reverse ? "1" : "5") : "3"));
                var (s, _) = ResponseScoring.Score(instrument, raw);
                db.SurveyResponses.Add(new SurveyResponse
                {
                    ResponseKey = $"L{++n}", InstrumentId = instrument.Id, DepartmentId = d.Id, Source = ResponseSources.Invitation,
                    EncounterDate = AnswerDate(scope.ServiceProvider), SubmittedAt = DateTime.UtcNow, Answers = s!.Answers, Score = s.Score, Trusts = s.Trusts,
                });
            }
        }
        await db.SaveChangesAsync();
    });
}

public class ImprovementPlanTests(LowAlarmFixture app) : IClassFixture<LowAlarmFixture>
{
    private static readonly object Quarter = new { instrument = "trust-10", from = "2026-07-01", to = "2026-09-30" };

    [Fact]
    public async Task A_low_alarm_department_gets_one_plan_that_the_supervision_group_sees()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.plan@test.local", ["PatientRelations"]);
        var report = await office.GetFromJsonAsync<JsonElement>("/api/trust/report?instrument=trust-10&from=2026-07-01&to=2026-09-30");
        report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "L4").GetProperty("flag").GetString().ShouldBe("low-alarm");

        // The other test may have evaluated the quarter first; either way there is exactly one plan, for L4.
        await office.PostAsJsonAsync("/api/improvement-plans/evaluate", Quarter);
        (await (await office.PostAsJsonAsync("/api/improvement-plans/evaluate", Quarter)).Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
        var all = await office.GetFromJsonAsync<JsonElement>("/api/improvement-plans");
        all.GetArrayLength().ShouldBe(1);
        all[0].GetProperty("departmentCode").GetString().ShouldBe("L4");
        all[0].GetProperty("trustingRate").GetDouble().ShouldBe(0.45, 1e-12);
        all[0].GetProperty("lower998").GetDouble().ShouldBe(0.7125 - 3.090232 * Math.Sqrt(0.7125 * 0.2875 / 100), 1e-9);

        var id = all[0].GetProperty("id").GetInt32();
        var updated = await office.PutAsJsonAsync($"/api/improvement-plans/{id}", new { owner = "医务处 王主任", status = "in-progress", notes = "沟通技巧培训，每周查房反馈" });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);

        var supervisor = await app.ClientWithRolesAsync("sup.plan@test.local", ["Supervisor"]);
        var plans = await supervisor.GetFromJsonAsync<JsonElement>("/api/improvement-plans");
        plans.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id).GetProperty("status").GetString().ShouldBe("in-progress");
        (await supervisor.PutAsJsonAsync($"/api/improvement-plans/{id}", new { status = "done" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var otherHead = await app.ClientWithRolesAsync("head.l1@test.local", ["DepartmentHead"], ["L1"]);
        (await otherHead.GetFromJsonAsync<JsonElement>("/api/improvement-plans")).GetArrayLength().ShouldBe(0);
        var ownHead = await app.ClientWithRolesAsync("head.l4@test.local", ["DepartmentHead"], ["L4"]);
        (await ownHead.GetFromJsonAsync<JsonElement>("/api/improvement-plans")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_statuses_are_refused()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.plan2@test.local", ["PatientRelations"]);
        await office.PostAsJsonAsync("/api/improvement-plans/evaluate", Quarter);
        var plans = await office.GetFromJsonAsync<JsonElement>("/api/improvement-plans");
        var id = plans[0].GetProperty("id").GetInt32();
        (await office.PutAsJsonAsync($"/api/improvement-plans/{id}", new { status = "forgotten" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.PutAsJsonAsync("/api/improvement-plans/99999", new { status = "done" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
