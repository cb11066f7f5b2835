using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Core.Statistics;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Surveys;

namespace TrustBridge.Web.Tests.Trust;

/// <summary>
/// The department report reads the daily sums that database triggers keep (migration 0006). After a patient's
/// submission, an import, a re-import that changes answers (and moves answers to another day, department and source)
/// and a deletion, the sums must equal a GROUP BY of the answers themselves, and the report must equal the same
/// comparison computed here from the answers directly.
/// </summary>
public class TrustDailySumsTests(WaveFixture app) : IClassFixture<WaveFixture>
{
    private const string Header = "response_id,encounter_date,department_code,doctor_code,source,T01,T02,T03,T04,T05,T06,T07,T08,T09,T10";

    private static HttpContent Csv(IEnumerable<string> rows)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return content;
    }

    /// <summary>Answers with a blank item every now and then, so scores are means of 9 items (not multiples of 2.5).</summary>
    private static string Row(int i, string dept, string date, string source, int shift = 0) =>
        $"R{i},{date},{dept},,{source}," + string.Join(",", Enumerable.Range(1, 10).Select(k =>
            (i + k) % 7 == 0 ? "" : (1 + (i * 3 + k * 5 + shift) % 5).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Daily_sums_follow_submissions_imports_reimports_and_deletions_and_the_report_matches_the_answers()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.sums@test.local", ["PatientRelations"]);

        // A patient's submission through the survey link.
        var waveId = await app.CreateWaveAsync(office, "汇总测试", 4711);
        await office.PostAsync($"/api/surveys/waves/{waveId}/send", null);
        var tokens = await WithDb(db => db.SurveyInvitations.Where(i => i.WaveId == waveId).OrderBy(i => i.Id).Select(i => i.Token).Take(3).ToListAsync());
        var patient = app.AnonymousClient();
        string[] codes = ["A1", "A2", "C1", "C2", "C3", "F1", "F2", "O1", "O2", "P1", "P2", "E1", "E2", "V1", "V2"];
        for (var t = 0; t < tokens.Count; t++)
        {
            var answers = codes.Select((c, k) => (c, v: (k + t) % 6 == 5 && t == 2 ? null : (1 + (k + 2 * t) % 5).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Where(x => x.v is not null).ToDictionary(x => x.c, x => x.v);
            answers["OVERALL"] = "8";
            answers["RECOMMEND"] = "9";
            var resp = await patient.PostAsJsonAsync("/api/surveys/responses", new { token = tokens[t], answers });
            resp.StatusCode.ShouldBe(HttpStatusCode.Created, await resp.Content.ReadAsStringAsync());
        }
        await SumsMatchAnswersAsync();
        await ReportMatchesAnswersAsync(office, "satisfaction-outpatient");

        // An import (SQLite multi-row INSERT, PostgreSQL COPY).
        var rows = Enumerable.Range(1, 40).Select(i => Row(i, i % 3 == 0 ? "W2" : "W1", $"2026-09-{1 + i % 5:D2}", i % 4 == 0 ? "import" : "paper")).ToArray();
        var first = await (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(rows))).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("inserted").GetInt32().ShouldBe(40, first.ToString());
        await SumsMatchAnswersAsync();
        await ReportMatchesAnswersAsync(office, "trust-10");

        // A re-import that changes answers of stored ids, and moves some to another day, department and source.
        for (var i = 0; i < 40; i += 3) rows[i] = Row(i + 1, "W2", "2026-09-28", "import", shift: 2);
        for (var i = 1; i < 40; i += 5) rows[i] = Row(i + 1, i % 2 == 0 ? "W1" : "W2", $"2026-09-{1 + (i + 1) % 5:D2}", (i + 1) % 4 == 0 ? "import" : "paper", shift: 1);
        var again = await (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(rows))).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("updated").GetInt32().ShouldBeGreaterThan(10, again.ToString());
        await SumsMatchAnswersAsync();
        await ReportMatchesAnswersAsync(office, "trust-10");

        // Answers deleted (no feature deletes answers yet; a data fix might).
        await WithDb(async db =>
        {
            var ids = await db.SurveyResponses.Where(r => r.ResponseKey == "R5" || r.ResponseKey == "R6" || r.ResponseKey == "R9").Select(r => r.Id).ToListAsync();
            await db.ServiceRecoveryTasks.Where(t => ids.Contains(t.ResponseId)).ExecuteDeleteAsync();
            return await db.SurveyResponses.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
        });
        await SumsMatchAnswersAsync();
        await ReportMatchesAnswersAsync(office, "trust-10");
    }

    private async Task<T> WithDb<T>(Func<TrustDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    private async Task SumsMatchAnswersAsync()
    {
        var answers = await WithDb(db => db.SurveyResponses.AsNoTracking().Where(r => r.Score != null)
            .Select(r => new { r.InstrumentId, r.EncounterDate, r.DepartmentId, r.Source, Score = r.Score!.Value, r.Trusts }).ToListAsync());
        var direct = answers.GroupBy(a => (a.InstrumentId, a.EncounterDate, a.DepartmentId, a.Source))
            .ToDictionary(g => g.Key, g => (N: g.Count(), Trusting: g.Count(a => a.Trusts == true), Sum: g.Sum(a => a.Score), SumSq: g.Sum(a => a.Score * a.Score)));
        var sums = await WithDb(db => db.TrustDailySums.AsNoTracking().ToListAsync());
        (await WithDb(db => db.Set<TrustBridge.Web.Domain.TrustDailySumsPause>().CountAsync())).ShouldBe(0); // a bulk import lifts its pause
        sums.Select(s => (s.InstrumentId, s.EncounterDate, s.DepartmentId, s.Source)).OrderBy(k => k).ShouldBe(direct.Keys.OrderBy(k => k));
        foreach (var s in sums)
        {
            var d = direct[(s.InstrumentId, s.EncounterDate, s.DepartmentId, s.Source)];
            s.N.ShouldBe(d.N);
            s.NTrusting.ShouldBe(d.Trusting);
            s.SumScore.ShouldBe(d.Sum, 1e-9 * Math.Max(1, d.Sum));
            s.SumScoreSq.ShouldBe(d.SumSq, 1e-9 * Math.Max(1, d.SumSq));
        }
    }

    private async Task ReportMatchesAnswersAsync(HttpClient client, string instrument)
    {
        const string from = "2026-01-01", to = "2026-12-31";
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/trust/report?instrument={instrument}&from={from}&to={to}&source=all");
        var tallies = await WithDb(async db =>
        {
            var answers = await db.SurveyResponses.AsNoTracking()
                .Where(r => r.Instrument!.Code == instrument && r.Score != null && r.EncounterDate >= new DateOnly(2026, 1, 1) && r.EncounterDate <= new DateOnly(2026, 12, 31))
                .Select(r => new { r.Department!.Code, r.Department.Name, Score = r.Score!.Value, r.Trusts }).ToListAsync();
            return answers.GroupBy(a => (a.Code, a.Name)).OrderBy(g => g.Key.Code, StringComparer.Ordinal)
                .Select(g => new UnitTally(g.Key.Code, g.Key.Name, g.Count(), g.Sum(a => a.Score), g.Sum(a => a.Score * a.Score), g.Count(a => a.Trusts == true)))
                .ToList();
        });
        var expected = UnitComparison.Compare(tallies, 10);
        var units = report.GetProperty("units").EnumerateArray().ToList();
        units.Select(u => u.GetProperty("code").GetString()).Order(StringComparer.Ordinal).ShouldBe(expected.Units.Select(u => u.Code));
        report.GetProperty("hospital").GetProperty("n").GetInt32().ShouldBe(expected.N);
        var byCode = units.ToDictionary(u => u.GetProperty("code").GetString()!);
        foreach (var e in expected.Units)
        {
            var u = byCode[e.Code];
            u.GetProperty("n").GetInt32().ShouldBe(e.N);
            if (!e.Reportable)
            {
                // Below the reportable n: the n and 样本不足, no figure (issue 8).
                u.GetProperty("status").GetString().ShouldBe("insufficient-sample");
                u.GetProperty("trustIndex").ValueKind.ShouldBe(JsonValueKind.Null);
                continue;
            }
            u.GetProperty("trustIndex").GetDouble().ShouldBe(e.TrustIndex!.Value, 1e-9);
            u.GetProperty("trustingRate").GetDouble().ShouldBe(e.TrustingRate!.Value, 1e-12);
            u.GetProperty("rateCiLow").GetDouble().ShouldBe(e.RateCi!.Value.Low, 1e-12);
            if (e.IndexCi is { } ci)
            {
                u.GetProperty("ciLow").GetDouble().ShouldBe(ci.Low, 1e-9);
                u.GetProperty("ciHigh").GetDouble().ShouldBe(ci.High, 1e-9);
            }
            else u.GetProperty("ciLow").ValueKind.ShouldBe(JsonValueKind.Null);
            (u.GetProperty("flag").ValueKind == JsonValueKind.Null ? null : u.GetProperty("flag").GetString()).ShouldBe(e.Flag);
        }
    }
}
