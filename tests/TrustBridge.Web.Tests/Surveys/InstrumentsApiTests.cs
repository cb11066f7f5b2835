using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Surveys;

public class InstrumentsApiTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    private static object Draft(string titleZh, params object[] items) => new { titleZh, titleEn = "Communication check", items };
    private static object Item(string code, bool reverse = false, string scale = "likert5") => new { code, textZh = $"题目{code}", textEn = $"Item {code}", scale, reverse, dimension = "communication" };

    [Fact]
    public async Task Ships_the_three_instruments_published()
    {
        var list = await (await app.AdminClientAsync()).GetFromJsonAsync<JsonElement>("/api/instruments");
        var byCode = list.EnumerateArray().Where(i => i.GetProperty("version").GetInt32() == 1).ToDictionary(i => i.GetProperty("code").GetString()!);
        byCode["trust-10"].GetProperty("items").GetArrayLength().ShouldBe(10);
        byCode["trust-10"].GetProperty("items").EnumerateArray().Where(i => i.GetProperty("reverse").GetBoolean())
            .Select(i => i.GetProperty("code").GetString()).ShouldBe(["T01", "T06", "T08"]);
        byCode["satisfaction-inpatient"].GetProperty("status").GetString().ShouldBe("published");
        var dims = byCode["satisfaction-outpatient"].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dimension").GetString()).Distinct().ToList();
        dims.ShouldBe(["attitude", "communication", "transparency", "outcome", "process", "environment", "privacy", "overall", "recommend", "comment"]);
    }

    [Fact]
    public async Task Publishing_freezes_a_version_and_editing_it_starts_the_next()
    {
        var office = await app.ClientWithRolesAsync("office.instr@test.local", ["PatientRelations"]);
        (await office.PutAsJsonAsync("/api/instruments/comm-3/draft", Draft("沟通三问", Item("Q1"), Item("Q2")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var v1 = await (await office.PostAsync("/api/instruments/comm-3/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        v1.GetProperty("version").GetInt32().ShouldBe(1);
        v1.GetProperty("status").GetString().ShouldBe("published");
        (await office.PostAsync("/api/instruments/comm-3/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var v2 = await (await office.PutAsJsonAsync("/api/instruments/comm-3/draft", Draft("沟通三问（修订）", Item("Q1"), Item("Q2"), Item("Q3", reverse: true))))
            .Content.ReadFromJsonAsync<JsonElement>();
        v2.GetProperty("version").GetInt32().ShouldBe(2);
        v2.GetProperty("status").GetString().ShouldBe("draft");
        var stillV1 = await office.GetFromJsonAsync<JsonElement>("/api/instruments/comm-3?version=1");
        stillV1.GetProperty("items").GetArrayLength().ShouldBe(2);
        stillV1.GetProperty("titleZh").GetString().ShouldBe("沟通三问");

        (await office.PostAsync("/api/instruments/comm-3/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.GetFromJsonAsync<JsonElement>("/api/instruments/comm-3?version=1")).GetProperty("status").GetString().ShouldBe("retired");
    }

    [Fact]
    public async Task Bad_items_are_refused_by_position()
    {
        var office = await app.ClientWithRolesAsync("office.instr2@test.local", ["PatientRelations"]);
        var resp = await office.PutAsJsonAsync("/api/instruments/bad-1/draft", Draft("坏量表", Item("Q1"), Item("Q1"), Item("Q3", reverse: true, scale: "nps11"), Item("Q4", scale: "stars")));
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("items[1]", out _).ShouldBeTrue();
        errors.TryGetProperty("items[2]", out _).ShouldBeTrue();
        errors.TryGetProperty("items[3]", out _).ShouldBeTrue();
        errors.TryGetProperty("items[0]", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Reliability_reverses_items_and_warns_about_weak_ones()
    {
        var office = await app.ClientWithRolesAsync("office.instr3@test.local", ["PatientRelations"]);
        await office.PutAsJsonAsync("/api/instruments/rel-3/draft", Draft("信度测试", Item("R1"), Item("R2"), Item("R3", reverse: true), Item("R4")));
        await office.PostAsync("/api/instruments/rel-3/publish", null);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var instrument = await db.Instruments.SingleAsync(i => i.Code == "rel-3");
            var dept = db.Departments.Add(new Department { Code = "REL", Name = "信度科" }).Entity;
            await db.SaveChangesAsync();
            // R1, R2 and reversed R3 agree exactly; R4 runs against them.
            int[][] rows = [[2, 2, 4, 5], [4, 4, 2, 1], [5, 5, 1, 2], [3, 3, 3, 4], [1, 1, 5, 5]];
            for (var i = 0; i < rows.Length; i++)
                db.SurveyResponses.Add(new SurveyResponse
                {
                    ResponseKey = $"REL{i}", InstrumentId = instrument.Id, DepartmentId = dept.Id, Source = ResponseSources.Paper,
                    EncounterDate = new DateOnly(2026, 9, 9), SubmittedAt = DateTime.UtcNow,
                    Answers = $"R1={rows[i][0]};R2={rows[i][1]};R3={rows[i][2]};R4={rows[i][3]}",
                });
            await db.SaveChangesAsync();
        }
        var r = await office.GetFromJsonAsync<JsonElement>("/api/instruments/rel-3/reliability?from=2026-01-01&to=2026-12-31");
        r.GetProperty("completeRespondents").GetInt64().ShouldBe(5);
        var items = r.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        items["R3"].GetProperty("correctedItemTotal").GetDouble().ShouldBeGreaterThan(0.5); // reversed, it agrees
        items["R4"].GetProperty("correctedItemTotal").GetDouble().ShouldBeLessThan(0);
        items["R4"].GetProperty("warning").GetBoolean().ShouldBeTrue();
        items["R1"].GetProperty("warning").GetBoolean().ShouldBeFalse();
        // Deleting the contrary item leaves three identical items: alpha 1.
        items["R4"].GetProperty("alphaIfDeleted").GetDouble().ShouldBe(1, 1e-9);
        r.GetProperty("alphaWarning").GetBoolean().ShouldBeTrue();
    }
}
