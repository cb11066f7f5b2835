using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Tests.Infrastructure;
using TrustBridge.Web.Tests.Surveys;

namespace TrustBridge.Web.Tests.Exports;

public sealed class TrustExportFixture : TrustBridgeFactory
{
    public const string Period = "instrument=trust-10&from=2026-07-01&to=2026-09-30";

    /// <summary>
    /// X1 (doctor DX1) and X2 (doctor DX2): trust-10 answers in July, August and September 2026, 20 a month each, 15 of
    /// them trusting (score 100) and 5 not (score 50); two comments on X1, one of them a formula. X1 also has 10
    /// satisfaction-outpatient answers of 4 on every item (every dimension 75). One plan and one recovery task each.
    /// </summary>
    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var trust = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == ShippedInstruments.Trust10);
        var satisfaction = await db.Instruments.Include(i => i.Items).Where(i => i.Code == ShippedInstruments.SatisfactionOutpatient)
            .OrderByDescending(i => i.Version).FirstAsync();
        var x1 = db.Departments.Add(new Department { Code = "X1", Name = "心血管内科" }).Entity;
        var x2 = db.Departments.Add(new Department { Code = "X2", Name = "骨科" }).Entity;
        await db.SaveChangesAsync();
        var dx1 = db.Staff.Add(new Staff { Code = "DX1", Name = "王医生", DepartmentId = x1.Id }).Entity;
        var dx2 = db.Staff.Add(new Staff { Code = "DX2", Name = "李医生", DepartmentId = x2.Id }).Entity;
        await db.SaveChangesAsync();
        var n = 0;
        SurveyResponse Add(Instrument instrument, Department d, Staff? s, DateOnly date, Func<InstrumentItem, string?> answer, string? comment = null)
        {
            var (scored, errors) = ResponseScoring.Score(instrument, instrument.Items.ToDictionary(i => i.Code, answer));
            if (scored is null) throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
            return db.SurveyResponses.Add(new SurveyResponse
            {
                ResponseKey = $"X{++n}", InstrumentId = instrument.Id, DepartmentId = d.Id, StaffId = s?.Id, Source = ResponseSources.Invitation,
                EncounterDate = date, SubmittedAt = DateTime.UtcNow, Answers = scored.Answers, Score = scored.Score, Trusts = scored.Trusts, Comment = comment,
            }).Entity;
        }
        foreach (var month in new[] { 7, 8, 9 })
            foreach (var (d, s) in new[] { (x1, dx1), (x2, dx2) })
                for (var i = 0; i < 20; i++)
                    Add(trust, d, s, new DateOnly(2026, month, 10), item => i < 15 ? (item.Reverse ? "1" : "5") : "3");
        var low = Add(trust, x1, dx1, new DateOnly(2026, 9, 20), item => "3", "=HYPERLINK(\"http://x\") 等了三个小时");
        Add(trust, x1, dx1, new DateOnly(2026, 9, 21), item => "3", "医生很耐心");
        var lowX2 = Add(trust, x2, dx2, new DateOnly(2026, 9, 21), item => "3", "骨科候诊太久");
        for (var i = 0; i < 10; i++)
            Add(satisfaction, x1, dx1, new DateOnly(2026, 9, 12), item => item.Scale switch
            {
                ItemScales.Likert5 => "4",
                ItemScales.Nps11 or ItemScales.Rating11 => "8",
                _ => null,
            });
        await db.SaveChangesAsync();

        var now = DateTime.UtcNow;
        foreach (var d in new[] { x1, x2 })
            db.ImprovementPlans.Add(new ImprovementPlan
            {
                DepartmentId = d.Id, InstrumentCode = ShippedInstruments.Trust10, PeriodFrom = new DateOnly(2026, 7, 1), PeriodTo = new DateOnly(2026, 9, 30),
                N = 60, TrustingRate = 0.75, Lower998 = 0.8, DueOn = new DateOnly(2026, 11, 30), Owner = "+owner " + d.Code, CreatedAt = now, UpdatedAt = now,
            });
        db.ServiceRecoveryTasks.Add(new ServiceRecoveryTask { ResponseId = low.Id, DepartmentId = x1.Id, Reason = "low-trust", Score = 50, Comment = low.Comment, CreatedAt = now });
        db.ServiceRecoveryTasks.Add(new ServiceRecoveryTask { ResponseId = lowX2.Id, DepartmentId = x2.Id, Reason = "low-trust", Score = 50, Comment = lowX2.Comment, CreatedAt = now });
        await db.SaveChangesAsync();
    });

    public async Task<HttpClient> HeadOfX2Async()
    {
        await SeedAsync();
        return await ClientWithRolesAsync("head.x2@test.local", ["DepartmentHead"], ["X2"]);
    }
}

public class TrustExportsApiTests(TrustExportFixture app) : IClassFixture<TrustExportFixture>
{
    private const string Period = TrustExportFixture.Period;

    private async Task<string> CsvAsync(HttpClient client, string url)
    {
        await app.SeedAsync();
        var resp = await client.GetAsync(url);
        resp.StatusCode.ShouldBe(HttpStatusCode.OK, await resp.Content.ReadAsStringAsync());
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        resp.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".csv");
        var bytes = await resp.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    private async Task XlsxAsync(HttpClient client, string url)
    {
        var resp = await client.GetAsync(url);
        resp.StatusCode.ShouldBe(HttpStatusCode.OK, await resp.Content.ReadAsStringAsync());
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        resp.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".xlsx");
        (await resp.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
    }

    public static TheoryData<string> Endpoints =>
    [
        "/api/trust/monthly/export?" + Period,
        "/api/trust/departments/X1/doctors/export?" + Period,
        "/api/trust/departments/X1/dimensions/export?instrument=satisfaction-outpatient&from=2026-07-01&to=2026-09-30",
        "/api/trust/departments/X1/monthly/export?" + Period,
        "/api/trust/departments/X1/comments/export?" + Period,
        "/api/trust/doctors/DX1/monthly/export?" + Period,
        "/api/instruments/trust-10/reliability/export?from=2026-07-01&to=2026-09-30",
        "/api/improvement-plans/export?status=open",
        "/api/service-recovery/export",
        "/api/surveys/waves/export",
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_table_downloads_as_csv_and_xlsx_and_an_unknown_format_is_400(string url)
    {
        var admin = await app.AdminClientAsync();
        url += url.Contains('?') ? "&" : "?";
        (await CsvAsync(admin, url + "format=csv")).Split("\r\n")[0].ShouldNotBeNullOrEmpty();
        await XlsxAsync(admin, url + "format=xlsx");
        var bad = await admin.GetAsync(url + "format=pdf");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Department_doctors_carry_their_intervals()
    {
        var csv = await CsvAsync(await app.AdminClientAsync(), "/api/trust/departments/X1/doctors/export?format=csv&" + Period);
        var lines = csv.Split("\r\n");
        // Chinese headers and words (defect 13), the codes in _code columns; the status says whether a unit has figures (defect 3).
        lines[0].ShouldBe("编码,名称,样本量 n,状态,status_code,信任指数,信任指数 95% CI 下限,信任指数 95% CI 上限,信任率,信任率 95% CI 下限,信任率 95% CI 上限,95% 下限,95% 上限,99.8% 下限,99.8% 上限,漏斗图标记,flag_code");
        // 60 answers (45 × 100, 15 × 50) and two of 50 with comments: n 62, index (4500 + 17 × 50) / 62.
        var doctor = lines.Single(l => l.StartsWith("DX1,", StringComparison.Ordinal)).Split(',');
        doctor[1].ShouldBe("王医生");
        doctor[2].ShouldBe("62");
        doctor[3].ShouldBe("可报告");
        doctor[4].ShouldBe("reportable");
        double.Parse(doctor[5], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(5350.0 / 62, 1e-6);
        doctor[6].ShouldNotBeEmpty();
        csv.ShouldNotContain("DX2");
    }

    [Fact]
    public async Task The_xmr_table_has_its_limits_and_signal_columns()
    {
        var csv = await CsvAsync(await app.AdminClientAsync(), "/api/trust/departments/X1/monthly/export?format=csv&" + Period);
        var lines = csv.Split("\r\n");
        lines[0].ShouldBe("月份,样本量 n,状态,status_code,信任指数,信任率,中线,下控制限,上控制限,信号,signals_code");
        // 24 months up to September 2026; the months without answers say so and have no figure.
        lines[1].ShouldStartWith("2024-10,0,样本不足,insufficient-sample,,,");
        lines.Single(l => l.StartsWith("2026-07,", StringComparison.Ordinal)).ShouldStartWith("2026-07,20,可报告,reportable,87.5,0.75,");
        (await CsvAsync(await app.AdminClientAsync(), "/api/trust/doctors/DX2/monthly/export?format=csv&" + Period)).ShouldContain("\r\n2026-09,21,");
        (await CsvAsync(await app.AdminClientAsync(), "/api/trust/monthly/export?format=csv&" + Period)).ShouldContain("月份,样本量 n,信任指数,信任率,状态,status_code\r\n");
    }

    [Fact]
    public async Task Dimension_scores_are_rows_of_month_and_dimension()
    {
        var csv = await CsvAsync(await app.AdminClientAsync(),
            "/api/trust/departments/X1/dimensions/export?format=csv&instrument=satisfaction-outpatient&from=2026-07-01&to=2026-09-30");
        csv.ShouldStartWith("月份,维度,dimension_code,样本量 n,得分\r\n");
        csv.ShouldContain("2026-09,服务态度,attitude,10,75\r\n");
    }

    [Fact]
    public async Task Comments_are_patient_text_with_formulas_neutralised()
    {
        var csv = await CsvAsync(await app.AdminClientAsync(), "/api/trust/departments/X1/comments/export?format=csv&" + Period);
        csv.ShouldStartWith("就诊日期,来源,source_code,留言\r\n");
        csv.ShouldContain("2026-09-21,抽样邀请,invitation,医生很耐心");
        csv.ShouldContain("\"'=HYPERLINK(");
        csv.ShouldNotContain("骨科候诊太久");
    }

    [Fact]
    public async Task Reliability_lists_each_item()
    {
        var csv = await CsvAsync(await app.AdminClientAsync(), "/api/instruments/trust-10/reliability/export?format=csv&from=2026-07-01&to=2026-09-30");
        csv.ShouldStartWith("题目,删除该题后的 α,校正题总相关 r,提示,信度 Cronbach α,完整作答人数\r\n");
        csv.ShouldContain("\r\nT01,");
        csv.ShouldContain(",123\r\n"); // 120 + 3 commented answers, every item answered
        (await (await app.AdminClientAsync()).GetAsync("/api/instruments/no-such/reliability/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/trust/departments/X1/doctors/export?" + Period)]
    [InlineData("/api/trust/departments/X1/dimensions/export?" + Period)]
    [InlineData("/api/trust/departments/X1/monthly/export?" + Period)]
    [InlineData("/api/trust/departments/X1/comments/export?" + Period)]
    [InlineData("/api/trust/doctors/DX1/monthly/export?" + Period)]
    public async Task A_department_head_cannot_export_another_departments_page(string url)
    {
        var head = await app.HeadOfX2Async();
        (await head.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await head.GetAsync(url.Replace("X1", "X2").Replace("DX1", "DX2"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_clinician_exports_only_his_own_trend()
    {
        await app.SeedAsync();
        var dx2 = await app.ClientWithRolesAsync("dx2@test.local", ["Clinician"], ["X2"]);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == "dx2@test.local");
            if (user.StaffId is null)
            {
                user.StaffId = await db.Staff.Where(s => s.Code == "DX2").Select(s => s.Id).SingleAsync();
                await db.SaveChangesAsync();
            }
        }
        (await dx2.GetAsync("/api/trust/doctors/DX2/monthly/export?" + Period)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dx2.GetAsync("/api/trust/departments/X2/doctors/export?" + Period)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Lists_hold_only_the_readers_departments()
    {
        var head = await app.HeadOfX2Async();
        var plans = await CsvAsync(head, "/api/improvement-plans/export?format=csv");
        plans.ShouldStartWith("科室编码,科室,问卷,期间开始,期间结束,样本量 n,信任率,99.8% 下限,负责人,截止日期,状态,status_code,措施与进展\r\n");
        plans.ShouldContain("X2,骨科,trust-10,2026-07-01,2026-09-30,60,0.75,0.8,'+owner X2,2026-11-30,待处理,open,");
        plans.ShouldNotContain("X1,");
        var tasks = await CsvAsync(head, "/api/service-recovery/export?format=csv");
        tasks.ShouldContain(",X2,骨科,low-trust,50,,骨科候诊太久,待处理,open,");
        tasks.ShouldNotContain(",X1,");
        (await CsvAsync(await app.AdminClientAsync(), "/api/service-recovery/export?format=csv")).ShouldContain(",X1,");
    }
}

public class WaveExportsApiTests(WaveFixture app) : IClassFixture<WaveFixture>
{
    [Fact]
    public async Task Waves_and_their_invitations_download_with_masked_mobiles_and_the_export_is_audited()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.export@test.local", ["PatientRelations"]);
        var id = await app.CreateWaveAsync(office, "导出测试批次", 77);

        var list = await office.GetAsync("/api/surveys/waves/export?format=csv");
        list.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var listText = Encoding.UTF8.GetString(await list.Content.ReadAsByteArrayAsync());
        listText.ShouldContain("编号,名称,问卷,问卷版本,期间开始,期间结束");
        listText.ShouldContain($"{id},导出测试批次,satisfaction-outpatient,");

        var csv = await office.GetAsync($"/api/surveys/waves/{id}/invitations/export?format=csv&departmentCode=W1");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        var lines = text.TrimEnd().Split("\r\n");
        lines[0].ShouldEndWith("科室编码,病案号,患者,手机号（脱敏）,就诊日期,状态,status_code,失效时间");
        lines.Length.ShouldBeGreaterThan(1);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith("W1,", StringComparison.Ordinal));
        text.ShouldContain("138****");
        text.ShouldNotMatch(@"138\d{8}");
        var xlsx = await office.GetAsync($"/api/surveys/waves/{id}/invitations/export?format=xlsx");
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
        (await office.GetAsync($"/api/surveys/waves/{id}/invitations/export?format=ods")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.GetAsync("/api/surveys/waves/999999/invitations/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            (await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PatientsExported && a.EntityType == "survey-wave" && a.EntityId == id.ToString())).ShouldBe(2);
        }

        var head = await app.ClientWithRolesAsync("head.w1.export@test.local", ["DepartmentHead"], ["W1"]);
        (await head.GetAsync($"/api/surveys/waves/{id}/invitations/export?format=csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
