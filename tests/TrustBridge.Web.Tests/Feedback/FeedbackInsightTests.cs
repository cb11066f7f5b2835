using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Feedback;

/// <summary>
/// A hand-made month of cases (March 2026) whose analytics can be worked out on paper, and a month of praise (May 2026).
/// March, in-period and not merged: 6 cases —
///   #1 complaint F1, replied after 1 day (on time), mobile A, cues 态度+冷淡, rating 4;
///   #2 complaint F1, replied after 10 days (late), mobile A, cue 态度, rating 2;
///   #3 suggestion F2, replied after 2 days (on time), mobile B, cue 排队;
///   #4 consultation F2, never acknowledged nor replied, deadline passed (late);
///   #5 praise F1 naming D1 (no reply deadline);
///   #7 complaint F3 resolved on the spot (0 days, on time).
/// Also a merged duplicate in F1 (#6) and an April complaint, both outside every figure.
/// → on time 3/5; median of 0, 1, 2, 10 days = 1.5; one repeat complainant with 2 cases; average rating 3.
/// </summary>
public class InsightFixture : FeedbackFixture
{
    public const string PraiseName = "表扬人王秘";

    public async Task SeedCasesAsync()
    {
        await SeedAsync();
        await SeedInsightOnceAsync();
    }

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    private async Task SeedInsightOnceAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_done) return;
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<HospitalClock>();
            var dept = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
            var staff = await db.Staff.ToDictionaryAsync(s => s.Code, s => s.Id);
            DateTime At(int month, int day, int hour = 10) => clock.LocalToUtc(new DateTime(2026, month, day, hour, 0, 0));
            FeedbackCase Case(string type, string department, DateTime received, double? replyDays, string? mobile = null, string? cues = null,
                int? rating = null, string? staffCode = null, bool acknowledged = true, string status = CaseStatuses.Replied, string content = "内容")
            {
                var c = new FeedbackCase
                {
                    TrackingCode = TrackingCodes.New(), Type = type, Category = "process", RiskLevel = "low", Channel = "web", Content = content,
                    SuggestedType = type, SuggestedCategory = "process", SuggestedRiskLevel = "low", TriageCues = cues, MobileHash = mobile,
                    StaffId = staffCode is null ? null : staff[staffCode], DepartmentId = dept[department],
                    Departments = [new FeedbackCaseDepartment { DepartmentId = dept[department] }],
                    ReceivedAt = received, AcknowledgeBy = received.AddDays(1), DueBy = received.AddDays(7), RemindAt = received.AddDays(5),
                    AcknowledgedAt = acknowledged ? received.AddHours(1) : null, RepliedAt = replyDays is { } d ? received.AddDays(d) : null,
                    PatientRating = rating, Status = replyDays is null ? (acknowledged ? CaseStatuses.Acknowledged : CaseStatuses.New) : status,
                    CreatedAt = received, UpdatedAt = received,
                };
                db.FeedbackCases.Add(c);
                return c;
            }
            Case("complaint", "F1", At(3, 2), 1, "hash-a", """[{"text":"态度","signal":"category:attitude"},{"text":"冷淡","signal":"category:attitude"},{"text":"来医","signal":"category:attitude"}]""", 4);
            Case("complaint", "F1", At(3, 3), 10, "hash-a", """[{"text":"态度","signal":"category:attitude"},{"text":"亲在","signal":"category:treatment"}]""", 2);
            Case("suggestion", "F2", At(3, 4), 2, "hash-b", """[{"text":"排队","signal":"category:process"}]""");
            Case("consultation", "F2", At(3, 5), null, acknowledged: false);
            Case("praise", "F1", At(3, 6), null, staffCode: "D1", content: "D1医生三月很耐心");
            Case("complaint", "F1", At(3, 7), 1, "hash-a", status: CaseStatuses.Merged).Status = CaseStatuses.Merged;
            var spot = Case("complaint", "F3", At(3, 20), 0, status: CaseStatuses.Closed);
            spot.ResolvedOnTheSpot = true;
            spot.Category = "cost";
            Case("complaint", "F1", At(4, 2), 1, "hash-a");

            // May: D2 twice, D3 twice (D2's latest is later), D1 once; a merged duplicate and praise naming nobody do not count.
            Case("praise", "F2", At(5, 10), null, staffCode: "D2", content: "D2医生第一次表扬");
            Case("praise", "F2", At(5, 15), null, staffCode: "D2", content: "D2医生五月十五日最新表扬");
            Case("praise", "F3", At(5, 8), null, staffCode: "D3", content: "D3医生表扬甲");
            Case("praise", "F3", At(5, 12), null, staffCode: "D3", content: "D3医生表扬乙");
            Case("praise", "F1", At(5, 20), null, staffCode: "D1", content: "D1医生五月表扬").ComplainantName = PraiseName;
            Case("praise", "F1", At(5, 21), null, staffCode: "D1", content: "重复的表扬").Status = CaseStatuses.Merged;
            Case("praise", "F1", At(5, 22), null, content: "全科室都很好");
            await db.SaveChangesAsync();
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public class FeedbackInsightTests(InsightFixture app) : IClassFixture<InsightFixture>
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private async Task<JsonElement> AnalyticsAsync(HttpClient client, string query = March)
    {
        await app.SeedCasesAsync();
        var resp = await client.GetAsync("/api/feedback/analytics?" + query);
        var text = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static Dictionary<string, int> Counts(JsonElement r, string name) =>
        r.GetProperty(name).EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!, x => x.GetProperty("n").GetInt32());

    [Fact]
    public async Task Analytics_over_a_hand_made_month_give_the_numbers_worked_out_by_hand()
    {
        var r = await AnalyticsAsync(await app.ClientWithRolesAsync("office.insight@test.local", [Roles.PatientRelations]));
        r.GetProperty("total").GetInt32().ShouldBe(6);
        var types = Counts(r, "byType");
        (types["complaint"], types["suggestion"], types["praise"], types["consultation"]).ShouldBe((3, 1, 1, 1));
        Counts(r, "byCategory")["cost"].ShouldBe(1);
        Counts(r, "byCategory")["process"].ShouldBe(5);
        Counts(r, "byChannel")["web"].ShouldBe(6);

        var onTime = r.GetProperty("onTime");
        (onTime.GetProperty("numerator").GetInt32(), onTime.GetProperty("denominator").GetInt32()).ShouldBe((3, 5));
        onTime.GetProperty("value").GetDouble().ShouldBe(0.6, 1e-12);
        var ack = r.GetProperty("onTimeAcknowledgement");
        (ack.GetProperty("numerator").GetInt32(), ack.GetProperty("denominator").GetInt32()).ShouldBe((5, 6));
        r.GetProperty("medianDaysToReply").GetDouble().ShouldBe(1.5, 1e-9);
        r.GetProperty("repliedCount").GetInt32().ShouldBe(4);
        r.GetProperty("repeatComplainants").GetProperty("people").GetInt32().ShouldBe(1);
        r.GetProperty("repeatComplainants").GetProperty("cases").GetInt32().ShouldBe(2);
        r.GetProperty("averageRating").GetDouble().ShouldBe(3.0, 1e-12);
        r.GetProperty("ratings").GetInt32().ShouldBe(2);

        var cues = r.GetProperty("frequentCues").EnumerateArray().Select(c => $"{c.GetProperty("text").GetString()}:{c.GetProperty("n").GetInt32()}").ToList();
        // Character pairs an older model stored ("来医", "亲在") are not shown: only words a person can read (defect 12).
        cues.ShouldBe(["态度:2", "冷淡:1", "排队:1"]);
        var departments = r.GetProperty("byDepartment").EnumerateArray()
            .Select(d => $"{d.GetProperty("code").GetString()}:{d.GetProperty("n").GetInt32()}:{d.GetProperty("complaints").GetInt32()}").ToList();
        departments.ShouldBe(["F1:3:2", "F2:2:0", "F3:1:1"]);
        var month = r.GetProperty("byMonth").EnumerateArray().Single();
        month.GetProperty("month").GetString().ShouldBe("2026-03");
        month.GetProperty("n").GetInt32().ShouldBe(6);
        month.GetProperty("byType").GetProperty("complaint").GetInt32().ShouldBe(3);
        // The mobile's hash never leaves the server.
        r.GetRawText().ShouldNotContain("hash-a");
    }

    [Fact]
    public async Task The_median_of_an_odd_number_of_replies_is_the_middle_one_and_months_run_across_the_period()
    {
        FeedbackAnalytics.Median([10, 1, 2]).ShouldBe(2);
        FeedbackAnalytics.Median([]).ShouldBeNull();
        var r = await AnalyticsAsync(await app.ClientWithRolesAsync("office.insight@test.local", [Roles.PatientRelations]), "from=2026-02-15&to=2026-04-30&departmentCode=F2");
        r.GetProperty("total").GetInt32().ShouldBe(2);
        r.GetProperty("byMonth").EnumerateArray().Select(m => m.GetProperty("month").GetString()).ShouldBe(["2026-02", "2026-03", "2026-04"]);
        r.GetProperty("medianDaysToReply").GetDouble().ShouldBe(2, 1e-9);
    }

    [Fact]
    public async Task A_department_head_sees_her_departments_numbers_only()
    {
        var r = await AnalyticsAsync(await app.ClientWithRolesAsync("head.insight@test.local", [Roles.DepartmentHead], ["F1"]));
        r.GetProperty("total").GetInt32().ShouldBe(3);
        r.GetProperty("byDepartment").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["F1"]);
        var onTime = r.GetProperty("onTime");
        (onTime.GetProperty("numerator").GetInt32(), onTime.GetProperty("denominator").GetInt32()).ShouldBe((1, 2));
        r.GetProperty("medianDaysToReply").GetDouble().ShouldBe(5.5, 1e-9);
        r.GetProperty("repeatComplainants").GetProperty("people").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_backwards_period_or_unknown_export_is_a_validation_problem()
    {
        await app.SeedCasesAsync();
        var office = await app.ClientWithRolesAsync("office.insight@test.local", [Roles.PatientRelations]);
        (await office.GetAsync("/api/feedback/analytics?from=2026-04-01&to=2026-03-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.GetAsync("/api/feedback/analytics/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.GetAsync("/api/feedback/analytics/export?table=secrets")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.GetAsync("/api/feedback/praise?month=2026-13")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.AnonymousClient().GetAsync("/api/feedback/analytics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Analytics_exports_have_headers_and_the_same_numbers()
    {
        await app.SeedCasesAsync();
        var office = await app.ClientWithRolesAsync("office.insight@test.local", [Roles.PatientRelations]);
        var csv = await office.GetAsync($"/api/feedback/analytics/export?format=csv&table=department&{March}");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("科室编码,科室名称,件数,投诉");
        lines[1].ShouldBe("F1,心内科,3,2");
        lines.Length.ShouldBe(4);

        var month = Encoding.UTF8.GetString(await office.GetByteArrayAsync($"/api/feedback/analytics/export?table=month&{March}")).TrimStart('\uFEFF');
        month.ShouldStartWith("月份,件数,投诉,建议,表扬,咨询\r\n2026-03,6,3,1,1,1\r\n");
        var cues = Encoding.UTF8.GetString(await office.GetByteArrayAsync($"/api/feedback/analytics/export?table=cues&{March}")).TrimStart('\uFEFF');
        cues.ShouldStartWith("线索词,件数\r\n态度,2\r\n");

        var xlsx = await office.GetAsync($"/api/feedback/analytics/export?format=xlsx&table=type&{March}");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
    }

    [Fact]
    public async Task The_praise_list_orders_staff_by_praise_then_latest_and_leaves_out_merged_and_unnamed_praise()
    {
        await app.SeedCasesAsync();
        var office = await app.ClientWithRolesAsync("office.insight@test.local", [Roles.PatientRelations]);
        var m = await office.GetFromJsonAsync<JsonElement>("/api/feedback/praise?month=2026-05");
        m.GetProperty("month").GetString().ShouldBe("2026-05");
        m.GetProperty("cases").GetInt32().ShouldBe(5);
        var rows = m.GetProperty("staff").EnumerateArray().ToList();
        rows.Select(r => $"{r.GetProperty("staffCode").GetString()}:{r.GetProperty("count").GetInt32()}").ShouldBe(["D2:2", "D3:2", "D1:1"]);
        rows[0].GetProperty("latestExcerpt").GetString().ShouldBe("D2医生五月十五日最新表扬");
        rows[0].GetProperty("departmentCode").GetString().ShouldBe("F2");
        m.GetRawText().ShouldNotContain(InsightFixture.PraiseName);

        var csv = Encoding.UTF8.GetString(await office.GetByteArrayAsync("/api/feedback/praise/export?format=csv&month=2026-05")).TrimStart('\uFEFF');
        csv.ShouldStartWith("月份,职工工号,职工姓名,科室编码,科室名称,表扬,最近一条摘要\r\n2026-05,D2,医生D2,F2,消化科,2,");

        // A department head's list holds her departments' staff only.
        var head = await app.ClientWithRolesAsync("head.insight@test.local", [Roles.DepartmentHead], ["F1"]);
        var mine = await head.GetFromJsonAsync<JsonElement>("/api/feedback/praise?month=2026-05");
        mine.GetProperty("staff").EnumerateArray().Select(r => r.GetProperty("staffCode").GetString()).ShouldBe(["D1"]);
    }

    [Fact]
    public async Task The_pages_show_the_figures_tables_and_empty_states_without_javascript()
    {
        await app.SeedCasesAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.insight@test.local", [Roles.PatientRelations]);
        var html = await office.GetHtmlAsync("/Staff/Feedback/Analytics?" + March);
        html.ShouldContain("id=\"kpi-total\">6<");
        html.ShouldContain("id=\"kpi-on-time\">60.0%<");
        html.ShouldContain("id=\"kpi-median\">1.5<");
        html.ShouldContain("id=\"kpi-repeat\">1<");
        html.ShouldContain("id=\"kpi-rating\">3.00<");
        html.ShouldContain("<tr data-month=\"2026-03\"><td>2026-03</td><td class=\"text-end\">6</td>");
        html.ShouldContain("id=\"analytics-data\"");
        html.ShouldContain("/api/feedback/analytics/export?from=2026-03-01&amp;to=2026-03-31&amp;table=department&amp;format=xlsx");
        html.ShouldContain("id=\"analytics-notes\"");

        var empty = await office.GetHtmlAsync("/Staff/Feedback/Analytics?from=2025-01-01&to=2025-01-31");
        empty.ShouldContain("id=\"analytics-empty\"");
        empty.ShouldNotContain("id=\"kpi-total\"");

        var praise = await office.GetHtmlAsync("/Staff/Feedback/Praise?month=2026-05");
        praise.IndexOf("data-staff=\"D2\" data-count=\"2\"", StringComparison.Ordinal).ShouldBeLessThan(praise.IndexOf("data-staff=\"D1\" data-count=\"1\"", StringComparison.Ordinal));
        praise.ShouldContain("/api/feedback/praise/export?format=xlsx&amp;month=2026-05");
        (await office.GetHtmlAsync("/Staff/Feedback/Praise?month=2026-01")).ShouldContain("empty-state");
    }

    [Fact]
    public async Task The_staff_profile_shows_praise_counts_and_the_latest_excerpts_without_who_praised()
    {
        await app.SeedCasesAsync();
        var clock = app.Services.GetRequiredService<HospitalClock>();
        var yearAgo = clock.StartOfDayUtc(clock.Today.AddYears(-1).AddDays(1));
        var expectedYear = new[] { new DateTime(2026, 3, 6, 10, 0, 0), new DateTime(2026, 5, 20, 10, 0, 0) }.Count(d => clock.LocalToUtc(d) >= yearAgo);

        var browser = await CookieBrowser.WithRolesAsync(app, "office.insight@test.local", [Roles.PatientRelations]);
        var html = await browser.GetHtmlAsync("/Staff/Organization/Staff/Profile/D1");
        html.ShouldContain("id=\"praise-all\">2<");
        html.ShouldContain($"id=\"praise-year\">{expectedYear}<");
        html.IndexOf("D1医生五月表扬", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("D1医生三月很耐心", StringComparison.Ordinal));
        html.ShouldContain("2026-05-20");
        html.ShouldNotContain("重复的表扬");
        html.ShouldNotContain(InsightFixture.PraiseName);
    }
}
