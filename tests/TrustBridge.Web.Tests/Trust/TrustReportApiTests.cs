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

public sealed class TrustReportFixture : TrustBridgeFactory
{
    /// <summary>
    /// T1: 100 sampled answers, 80 trusting (score 100) and 20 not (score 50). T2: 100, 65 trusting. T3: 5 answers (not reportable).
    /// Plus QR answers in T1 and answers outside the period, which the default report must ignore.
    /// </summary>
    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var instrument = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == ShippedInstruments.Trust10);
        var depts = new[] { ("T1", "心血管内科"), ("T2", "骨科"), ("T3", "皮肤科") }
            .Select(d => db.Departments.Add(new Department { Code = d.Item1, Name = d.Item2 }).Entity).ToArray();
        await db.SaveChangesAsync();
        var n = 0;
        void Add(Department d, bool trusting, string source, DateOnly date)
        {
            // Agreeing fully (5) with positive items and disagreeing fully (1) with the reversed ones scores 100.
            var raw = instrument.Items.ToDictionary(i => i.Code, i => (string?)(trusting ? (i.Reverse ? "1" : "5") : "3"));
            var (scored, _) = ResponseScoring.Score(instrument, raw);
            db.SurveyResponses.Add(new SurveyResponse
            {
                ResponseKey = $"R{++n}", InstrumentId = instrument.Id, DepartmentId = d.Id, Source = source, EncounterDate = date,
                SubmittedAt = DateTime.UtcNow, Answers = scored!.Answers, Score = scored.Score, Trusts = scored.Trusts,
            });
        }
        var inPeriod = new DateOnly(2026, 8, 15);
        for (var i = 0; i < 100; i++) Add(depts[0], i < 80, ResponseSources.Invitation, inPeriod);
        for (var i = 0; i < 100; i++) Add(depts[1], i < 65, ResponseSources.Import, inPeriod);
        for (var i = 0; i < 5; i++) Add(depts[2], i < 2, ResponseSources.Paper, inPeriod);
        for (var i = 0; i < 30; i++) Add(depts[0], false, ResponseSources.Qr, inPeriod);
        for (var i = 0; i < 40; i++) Add(depts[1], true, ResponseSources.Invitation, new DateOnly(2026, 3, 1));
        await db.SaveChangesAsync();
    });
}

public class TrustReportApiTests(TrustReportFixture app) : IClassFixture<TrustReportFixture>
{
    private const string Period = "instrument=trust-10&from=2026-07-01&to=2026-09-30";

    private async Task<JsonElement> Report(HttpClient client, string query)
    {
        await app.SeedAsync();
        var resp = await client.GetAsync($"/api/trust/report?{query}");
        resp.StatusCode.ShouldBe(HttpStatusCode.OK, await resp.Content.ReadAsStringAsync());
        return await resp.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Unit(JsonElement report, string code) =>
        report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Trusting_rate_intervals_pin_the_worked_examples()
    {
        var report = await Report(await app.AdminClientAsync(), Period);
        var t1 = Unit(report, "T1");
        t1.GetProperty("n").GetInt32().ShouldBe(100);
        t1.GetProperty("trustingRate").GetDouble().ShouldBe(0.80, 1e-12);
        t1.GetProperty("rateCiLow").GetDouble().ShouldBe(0.711171, 5e-7);
        t1.GetProperty("rateCiHigh").GetDouble().ShouldBe(0.866633, 5e-7);
        t1.GetProperty("trustIndex").GetDouble().ShouldBe(90, 1e-9);

        var t2 = Unit(report, "T2");
        t2.GetProperty("rateCiLow").GetDouble().ShouldBe(0.552544, 5e-7);
        t2.GetProperty("rateCiHigh").GetDouble().ShouldBe(0.736358, 5e-7);
    }

    [Fact]
    public async Task Hospital_summary_pools_the_sampled_answers_of_the_period()
    {
        var report = await Report(await app.AdminClientAsync(), Period);
        var hospital = report.GetProperty("hospital");
        hospital.GetProperty("n").GetInt32().ShouldBe(205);
        hospital.GetProperty("trustingRate").GetDouble().ShouldBe(147.0 / 205, 1e-12);
        hospital.GetProperty("phi").GetDouble().ShouldBe(1); // fewer than 10 reportable units
        hospital.GetProperty("alpha").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task Small_units_are_listed_without_a_flag_and_funnels_use_the_pooled_target()
    {
        var report = await Report(await app.AdminClientAsync(), Period);
        var t3 = Unit(report, "T3");
        t3.GetProperty("reportable").GetBoolean().ShouldBeFalse();
        t3.GetProperty("flag").ValueKind.ShouldBe(JsonValueKind.Null);

        var p0 = 147.0 / 205;
        var se = Math.Sqrt(p0 * (1 - p0) / 100);
        var funnel = Unit(report, "T1").GetProperty("funnel");
        funnel.GetProperty("lower95").GetDouble().ShouldBe(p0 - 1.959964 * se, 1e-9);
        funnel.GetProperty("upper998").GetDouble().ShouldBe(p0 + 3.090232 * se, 1e-9);
        Unit(report, "T1").GetProperty("flag").GetString().ShouldBe("within");
    }

    [Fact]
    public async Task Qr_answers_are_separate_unless_asked_for()
    {
        var admin = await app.AdminClientAsync();
        Unit(await Report(admin, Period), "T1").GetProperty("n").GetInt32().ShouldBe(100);
        Unit(await Report(admin, Period + "&source=qr"), "T1").GetProperty("n").GetInt32().ShouldBe(30);
        Unit(await Report(admin, Period + "&source=all"), "T1").GetProperty("n").GetInt32().ShouldBe(130);
    }

    [Fact]
    public async Task The_period_filters_on_the_encounter_date()
    {
        var report = await Report(await app.AdminClientAsync(), "instrument=trust-10&from=2026-01-01&to=2026-03-31");
        report.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ShouldBe(["T2"]);
        Unit(report, "T2").GetProperty("n").GetInt32().ShouldBe(40);
    }

    [Fact]
    public async Task A_department_head_sees_her_department_and_an_executive_sees_all()
    {
        await app.SeedAsync();
        var head = await app.ClientWithRolesAsync("head.t2@test.local", ["DepartmentHead"], ["T2"]);
        var mine = await Report(head, Period);
        mine.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ShouldBe(["T2"]);
        // Her department is still compared against the whole hospital.
        mine.GetProperty("hospital").GetProperty("n").GetInt32().ShouldBe(205);

        var executive = await app.ClientWithRolesAsync("exec.trust@test.local", ["Executive"]);
        (await Report(executive, Period)).GetProperty("units").GetArrayLength().ShouldBe(3);
    }

    [Theory]
    [InlineData("from=2026-07-01&to=2026-09-30", "instrument")]
    [InlineData(Period + "&unit=ward", "unit")]
    [InlineData(Period + "&source=fax", "source")]
    [InlineData("instrument=trust-10&from=2026-09-30&to=2026-07-01", "from")]
    public async Task Bad_queries_are_400_naming_the_parameter(string query, string field)
    {
        var resp = await (await app.AdminClientAsync()).GetAsync($"/api/trust/report?{query}");
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }
}

public class TrustReportExportTests(TrustReportFixture app) : IClassFixture<TrustReportFixture>
{
    [Fact]
    public async Task The_report_downloads_as_csv_and_xlsx()
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        var csv = await admin.GetAsync("/api/trust/report/export?format=csv&instrument=trust-10&from=2026-07-01&to=2026-09-30");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.ShouldContain("T1,心血管内科,100,可报告,reportable,90,");
        var xlsx = await admin.GetAsync("/api/trust/report/export?format=xlsx&instrument=trust-10&from=2026-07-01&to=2026-09-30");
        xlsx.Content.Headers.ContentDisposition!.FileName!.ShouldContain(".xlsx");
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
        (await admin.GetAsync("/api/trust/report/export?format=pdf&instrument=trust-10")).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }
}
