using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Core.Text;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Surveys;

/// <summary>The app with Reporting:MinUnitN = 2, so the report shows the figures of these few imported answers.</summary>
public sealed class SmallUnitsFactory : TrustBridgeFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings() => [("Reporting:MinUnitN", "2")];
}

public class ResponsesImportTests(SmallUnitsFactory app) : IClassFixture<SmallUnitsFactory>
{
    private const string Header = "response_id,encounter_date,department_code,doctor_code,source,T01,T02,T03,T04,T05,T06,T07,T08,T09,T10";

    private async Task<HttpClient> OfficeAsync()
    {
        var office = await app.ClientWithRolesAsync("office.resp@test.local", ["PatientRelations"]);
        await office.PostAsJsonAsync("/api/departments", new { code = "RI1", name = "呼吸与危重症医学科" });
        await office.PostAsJsonAsync("/api/departments", new { code = "RI2", name = "泌尿外科" });
        await office.PostAsJsonAsync("/api/staff", new { code = "D100", name = "陈静", departmentCode = "RI1" });
        return office;
    }

    private static HttpContent Csv(string text, Encoding? encoding = null, string? charset = null)
    {
        var content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(text));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = charset };
        return content;
    }

    /// <summary>A trust-10 row: "all" answers every positive item with a and every reversed item with 6 − a.</summary>
    private static string Row(string id, string dept, int a, string date = "2026-10-08", string doctor = "", string source = "paper") =>
        $"{id},{date},{dept},{doctor},{source}," + string.Join(",", Enumerable.Range(1, 10).Select(i => i is 1 or 6 or 8 ? 6 - a : a));

    [Fact]
    public async Task Imports_scores_and_is_idempotent_on_response_id()
    {
        var office = await OfficeAsync();
        // RI1: answers of 5, 4, 4, 2 → scores 100, 75, 75, 25: mean 68.75, trusting 3 of 4.
        var csv = string.Join("\n", Header, Row("A1", "RI1", 5, doctor: "D100"), Row("A2", "RI1", 4), Row("A3", "RI1", 4), Row("A4", "RI1", 2), Row("A5", "RI2", 3)) + "\n";
        var first = await (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(csv))).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("inserted").GetInt32().ShouldBe(5);
        var again = await (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(csv))).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("inserted").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(5);

        var report = await office.GetFromJsonAsync<JsonElement>("/api/trust/report?instrument=trust-10&from=2026-10-01&to=2026-10-31");
        var ri1 = report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "RI1");
        ri1.GetProperty("n").GetInt32().ShouldBe(4);
        ri1.GetProperty("trustIndex").GetDouble().ShouldBe(68.75, 1e-9);
        ri1.GetProperty("trustingRate").GetDouble().ShouldBe(0.75, 1e-12);
        // t(0.975, 3) = 3.182446; s of 100, 75, 75, 25 = 31.4576
        ri1.GetProperty("ciLow").GetDouble().ShouldBe(68.75 - 3.182446 * 31.457643 / 2, 1e-4);

        var doctors = await office.GetFromJsonAsync<JsonElement>("/api/trust/report?instrument=trust-10&from=2026-10-01&to=2026-10-31&unit=doctor");
        doctors.GetProperty("units").EnumerateArray().Single().GetProperty("code").GetString().ShouldBe("D100");

        // The answer of 2 (score 25) asks for service recovery.
        var tasks = await office.GetFromJsonAsync<JsonElement>("/api/service-recovery");
        tasks.EnumerateArray().Count(t => t.GetProperty("departmentCode").GetString() == "RI1").ShouldBe(1);
    }

    [Fact]
    public async Task Changed_answers_of_stored_ids_are_updated_and_the_reliability_follows()
    {
        var office = await OfficeAsync();
        var rows = new[] { Row("U1", "RI2", 5, date: "2026-08-10"), Row("U2", "RI2", 4, date: "2026-08-11"), Row("U3", "RI2", 2, date: "2026-08-12"), Row("U4", "RI2", 3, date: "2026-08-13") };
        var first = await (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(string.Join("\n", [Header, .. rows]) + "\n"))).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("inserted").GetInt32().ShouldBe(4);
        const string August = "/api/trust/report?instrument=trust-10&from=2026-08-01&to=2026-08-31";
        // Every respondent answers all items alike: the items agree perfectly, α = 1.
        (await office.GetFromJsonAsync<JsonElement>(August)).GetProperty("hospital").GetProperty("alpha").GetDouble().ShouldBe(1.0, 1e-9);

        // U4 answers differently with the same score (50): only the items change, which α must see.
        rows[3] = "U4,2026-08-13,RI2,,paper,4,4,2,4,2,2,2,2,3,3";
        var again = await (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(string.Join("\n", [Header, .. rows]) + "\n"))).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("inserted").GetInt32().ShouldBe(0);
        again.GetProperty("updated").GetInt32().ShouldBe(1);
        again.GetProperty("unchanged").GetInt32().ShouldBe(3);
        var report = await office.GetFromJsonAsync<JsonElement>(August);
        report.GetProperty("hospital").GetProperty("alpha").GetDouble().ShouldBeLessThan(0.99);
        report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "RI2").GetProperty("trustIndex").GetDouble().ShouldBe(62.5, 1e-9);
    }

    [Fact]
    public async Task Gb18030_comments_arrive_intact()
    {
        var office = await OfficeAsync();
        var csv = "response_id,encounter_date,department_code,doctor_code,source,A1,A2,C1,C2,C3,F1,F2,O1,O2,P1,P2,E1,E2,V1,V2,OVERALL,RECOMMEND,COMMENT\n"
                  + "G1,2026-10-09,RI2,,paper,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,8,6,挂号窗口太少，希望增加自助机\n";
        var resp = await office.PostAsync("/api/instruments/satisfaction-outpatient/responses/import", Csv(csv, CharsetDetector.Gb18030));
        resp.StatusCode.ShouldBe(HttpStatusCode.OK, await resp.Content.ReadAsStringAsync());
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().SurveyResponses.AsNoTracking().SingleAsync(r => r.ResponseKey == "G1");
        stored.Comment.ShouldBe("挂号窗口太少，希望增加自助机");
        stored.Recommend.ShouldBe(6);
        stored.Score.ShouldBe(75);
        // recommend 6 with a comment → service recovery
        (await scope.ServiceProvider.GetRequiredService<TrustDbContext>().ServiceRecoveryTasks.CountAsync(t => t.ResponseId == stored.Id)).ShouldBe(1);

        // recommend 6 is a detractor: NPS −100 over that day's answers, and the dashboard shows it.
        var nps = await office.GetFromJsonAsync<JsonElement>("/api/trust/nps?instrument=satisfaction-outpatient&from=2026-10-09&to=2026-10-09");
        nps.GetProperty("n").GetInt32().ShouldBe(1);
        nps.GetProperty("detractors").GetInt32().ShouldBe(1);
        nps.GetProperty("score").GetDouble().ShouldBe(-100);
        (await office.GetAsync("/api/trust/nps?from=2026-10-09")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await office.GetStringAsync("/Staff/Trust?instrument=satisfaction-outpatient&from=2026-10-09&to=2026-10-09");
        page.ShouldContain("id=\"hospital-nps\">-100.0<");
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_good_rows_kept()
    {
        var office = await OfficeAsync();
        var csv = string.Join("\n",
            Header,
            Row("B1", "RI1", 4),                       // line 2: fine
            Row("B2", "NOPE", 4),                      // line 3: unknown department
            Row("B1", "RI1", 4),                       // line 4: duplicate id
            Row("B3", "RI1", 4, date: "2026-02-30"),   // line 5: impossible date
            Row("B4", "RI1", 4).Replace(",4,4,4", ",9,4,4"), // line 6: 9 is off the scale
            Row("B5", "RI1", 4, doctor: "GHOST"),      // line 7: unknown doctor
            Row("B6", "RI1", 4, date: "2099-01-01"),   // line 8: future
            Row("B7", "RI1", 4, source: "pigeon")) + "\n"; // line 9: bad source
        var report = await (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(csv))).Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("inserted").GetInt32().ShouldBe(1);
        report.GetProperty("rejected").GetInt32().ShouldBe(7);
        var lines = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        lines.ShouldContain((3, "department_code"));
        lines.ShouldContain((4, "response_id"));
        lines.ShouldContain((5, "encounter_date"));
        lines.ShouldContain(l => l.Item1 == 6 && l.Item2!.StartsWith('T'));
        lines.ShouldContain((7, "doctor_code"));
        lines.ShouldContain((8, "encounter_date"));
        lines.ShouldContain((9, "source"));

        var strict = await office.PostAsync("/api/instruments/trust-10/responses/import?allOrNothing=true", Csv(csv.Replace("B", "Z")));
        strict.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<TrustDbContext>().SurveyResponses.CountAsync(r => r.ResponseKey.StartsWith("Z"))).ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_or_unpublished_instruments_and_broken_files_are_refused()
    {
        var office = await OfficeAsync();
        (await office.PostAsync("/api/instruments/nope/responses/import", Csv(Header + "\n"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await office.PutAsJsonAsync("/api/instruments/draft-only/draft", new { titleZh = "草稿", titleEn = "Draft", items = new[] { new { code = "Q1", textZh = "问", scale = "likert5" } } });
        (await office.PostAsync("/api/instruments/draft-only/responses/import", Csv("response_id,encounter_date,department_code,Q1\nX,2026-10-01,RI1,3\n")))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv("response_id,T01\nX,3\n"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await office.PostAsync("/api/instruments/trust-10/responses/import", Csv(Header + "\n\"unterminated,2026-10-01\n"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var json = new StringContent("{}", Encoding.UTF8, "application/json");
        (await office.PostAsync("/api/instruments/trust-10/responses/import", json)).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task The_cli_imports_answers_with_the_same_rules()
    {
        await OfficeAsync();
        var path = Path.Combine(Path.GetTempPath(), $"answers-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, string.Join("\n", Header, Row("CLI1", "RI2", 5), Row("CLI2", "NOPE", 5)) + "\n", CharsetDetector.Gb18030);
        try
        {
            var args = new[] { "--provider", app.Provider, "--connection", app.ConnectionString, "import", "responses", "--instrument", "trust-10", path };
            (await TrustBridge.Cli.TrustBridgeCommand.Build().Parse(args).InvokeAsync()).ShouldBe(2); // one row rejected
            using var scope = app.Services.CreateScope();
            (await scope.ServiceProvider.GetRequiredService<TrustDbContext>().SurveyResponses.CountAsync(r => r.ResponseKey == "CLI1")).ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
