using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Trust;

public sealed class DoctorTrustFixture : TrustBridgeFactory
{
    public const string Clinician = "dr.k1@test.local";

    /// <summary>
    /// Department K with doctors K1 and K2: trust-10 answers over three months (K1 all trusting, K2 none), and
    /// satisfaction-outpatient answers in July and August where attitude scores 100, process 0 and the other dimensions 50.
    /// </summary>
    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var dept = db.Departments.Add(new Department { Code = "K", Name = "口腔科" }).Entity;
            await db.SaveChangesAsync();
            var k1 = db.Staff.Add(new Staff { Code = "K1", Name = "孔医生", DepartmentId = dept.Id }).Entity;
            var k2 = db.Staff.Add(new Staff { Code = "K2", Name = "柯医生", DepartmentId = dept.Id }).Entity;
            await db.SaveChangesAsync();
            var trust = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == ShippedInstruments.Trust10);
            var sat = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == ShippedInstruments.SatisfactionOutpatient);
            var n = 0;
            void Add(Instrument instrument, Staff doctor, DateOnly date, Func<InstrumentItem, string?> answer, string? comment = null)
            {
                var raw = instrument.Items.Where(i => i.Scale != ItemScales.Text).ToDictionary(i => i.Code, answer);
                if (comment is not null) raw[instrument.Items.Single(i => i.Scale == ItemScales.Text).Code] = comment;
                var (s, errors) = ResponseScoring.Score(instrument, raw);
                if (s is null) throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
                db.SurveyResponses.Add(new SurveyResponse
                {
                    ResponseKey = $"K{++n}", InstrumentId = instrument.Id, DepartmentId = dept.Id, StaffId = doctor.Id, Source = ResponseSources.Paper,
                    EncounterDate = date, SubmittedAt = DateTime.UtcNow, Answers = s.Answers, Score = s.Score, Trusts = s.Trusts,
                    Recommend = s.Recommend, Overall = s.Overall, Comment = s.Comment,
                });
            }
            foreach (var month in new[] { 7, 8, 9 })
                for (var i = 0; i < 6; i++)
                {
                    Add(trust, k1, new DateOnly(2026, month, 10), x => x.Reverse ? "1" : "5");
                    Add(trust, k2, new DateOnly(2026, month, 10), _ => "3");
                }
            foreach (var month in new[] { 7, 8 })
                for (var i = 0; i < 3; i++)
                    Add(sat, k1, new DateOnly(2026, month, 5), x => x.Dimension switch
                    {
                        "attitude" => x.Reverse ? "1" : "5",
                        "process" => x.Reverse ? "5" : "1",
                        _ => x.Scale == ItemScales.Likert5 ? "3" : "8",
                    }, i == 0 ? $"{month}月候诊时间太长" : null);
            await db.SaveChangesAsync();
        }
        var admin = await AdminClientAsync();
        var resp = await admin.PostAsJsonAsync("/api/users", new { email = Clinician, displayName = "孔医生", password = UserPassword, roles = new[] { "Clinician" }, departmentCodes = new[] { "K" }, staffCode = "K1" });
        resp.EnsureSuccessStatusCode();
    });
}

public class DoctorAndDimensionPageTests(DoctorTrustFixture app) : IClassFixture<DoctorTrustFixture>
{
    private const string Quarter = "instrument=trust-10&from=2026-07-01&to=2026-09-30";

    [Fact]
    public async Task A_clinician_sees_his_own_page_with_a_control_chart_and_nobody_elses()
    {
        await app.SeedAsync();
        var doctor = await CookieBrowser.SignedInAsync(app, DoctorTrustFixture.Clinician, TrustBridgeFactory.UserPassword);
        var own = await doctor.GetHtmlAsync($"/Staff/Trust/Doctor/K1?{Quarter}");
        own.ShouldContain("id=\"doctor-figures\"");
        own.ShouldContain("100.0%");
        // Six answers a month is below the reportable n (10): the months are listed with 样本不足 and no figure, and
        // nothing is charted (issue 8: doctors with a handful of answers were charted with limits far beyond 0–100).
        own.ShouldNotContain("id=\"xmr-data\"");
        own.ShouldContain("id=\"xmr-too-few\"");
        Regex.Matches(own, "<tr class=\"\" data-month=\"2026-0[789]\">\\s*<td>2026-0[789]</td><td class=\"text-end\">6</td>\\s*<td class=\"text-end\"><span class=\"badge text-bg-light border not-reportable\">样本不足").Count.ShouldBe(3);

        foreach (var other in new[] { "/Staff/Trust/Doctor/K2", "/Staff/Trust/Department/K" })
            (await doctor.Client.GetAsync($"{other}?{Quarter}")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        var dashboard = await doctor.GetHtmlAsync($"/Staff/Trust?{Quarter}"); // a clinician's default unit is the doctor
        dashboard.ShouldContain("data-unit=\"K1\"");
        dashboard.ShouldNotContain("data-unit=\"K2\"");
    }

    [Fact]
    public async Task The_department_page_lists_its_doctors_and_for_satisfaction_a_dimension_heat_map()
    {
        await app.SeedAsync();
        var admin = await CookieBrowser.AdminAsync(app);
        var trust = await admin.GetHtmlAsync($"/Staff/Trust/Department/K?{Quarter}");
        trust.ShouldContain("<tr data-unit=\"K1\"");
        trust.ShouldContain("<tr data-unit=\"K2\"");
        // trust-10 has one dimension: the heat map shows the department's satisfaction survey instead, and says so.
        trust.ShouldContain("id=\"dimension-table\"");
        trust.ShouldContain("<small class=\"text-body-secondary\" id=\"heatmap-instrument\">门诊患者满意度调查</small>");
        trust.ShouldContain("8月候诊时间太长"); // comments of every questionnaire

        var sat = await admin.GetHtmlAsync("/Staff/Trust/Department/K?instrument=satisfaction-outpatient&from=2026-07-01&to=2026-08-31");
        var table = Regex.Match(sat, "<table class=\"table table-sm small mb-0\" id=\"dimension-table\">(.*?)</table>", RegexOptions.Singleline).Value;
        Regex.IsMatch(table, "<th class=\"text-end\">2026-07</th>\\s*<th class=\"text-end\">2026-08</th>").ShouldBeTrue(table);
        Regex.IsMatch(table, "服务态度</th>\\s*<td class=\"text-end heat-cell\">100.0</td>\\s*<td class=\"text-end heat-cell\">100.0</td>").ShouldBeTrue(table);
        Regex.IsMatch(table, "流程与等候</th>\\s*<td class=\"text-end heat-cell\">0.0</td>").ShouldBeTrue(table);
        sat.ShouldContain("id=\"heatmap-data\"");
        sat.ShouldContain("8月候诊时间太长");
        sat.IndexOf("8月候诊时间太长", StringComparison.Ordinal).ShouldBeLessThan(sat.IndexOf("7月候诊时间太长", StringComparison.Ordinal));
    }
}
