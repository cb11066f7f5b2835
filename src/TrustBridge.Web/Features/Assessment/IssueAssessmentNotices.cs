using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Assessment;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Assessment;

public sealed record NoticeView(int Id, string DepartmentCode, string DepartmentName, string Period, double Score, string Band, int ImprovementPlanId, DateOnly DueOn, string Text, DateTime IssuedAt);

/// <summary>
/// 通报批评 and 限期整改: every department scored below Assessment:NoticeBelowScore (default 60, the 待改进 band) in a
/// period gets a notice and an improvement plan (the same plans as the trust alarms, source "assessment:2026Q3") due
/// in Assessment:PlanDueDays (30) days. Issuing again for the same period adds only departments not yet noticed.
/// </summary>
public sealed class IssueAssessmentNotices(TrustDbContext db, BuildScorecard scorecard, AuditLog audit, HospitalClock clock, IConfiguration configuration)
{
    public const string PlanSource = "assessment:";

    public async Task<List<NoticeView>> RunAsync(AssessmentPeriod period, string by, CancellationToken ct = default)
    {
        var report = await scorecard.RunAsync(period, UserScope.Hospital, ct);
        var days = configuration.GetValue("Assessment:PlanDueDays", 30);
        var now = clock.UtcNow;
        var dueOn = clock.Today.AddDays(days);
        var noticed = await db.AssessmentNotices.Where(n => n.Period == period.Label).Select(n => n.DepartmentId).ToListAsync(ct);
        var depts = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        foreach (var u in report.Units.Where(u => u.UnderTarget))
        {
            var dept = depts[u.Code];
            if (noticed.Contains(dept.Id)) continue;
            var missed = string.Join("、", u.Indicators.Where(i => i.Met == false).Select(i => IndicatorNames.Chinese(i.Code)));
            var text = string.Create(CultureInfo.InvariantCulture,
                $"通报：{u.Name}{period.Label}科室绩效考核得分 {u.Score:0.0}（{BandNames.Chinese(u.Band!)}），低于 {report.NoticeBelow:0} 分；未达标指标：{(missed.Length > 0 ? missed : "无")}。请于 {dueOn:yyyy-MM-dd} 前完成整改。");
            var plan = db.ImprovementPlans.Add(new ImprovementPlan
            {
                DepartmentId = dept.Id, InstrumentCode = PlanSource + period.Label, PeriodFrom = period.From, PeriodTo = period.To,
                N = u.Indicators.Count(i => i.Assessed), TrustingRate = u.Indicators.FirstOrDefault(i => i.Code == Indicators.TrustingRate)?.Value ?? 0,
                Lower998 = 0, DueOn = dueOn, Notes = text, CreatedAt = now, UpdatedAt = now,
            }).Entity;
            await db.SaveChangesAsync(ct);
            var notice = db.AssessmentNotices.Add(new AssessmentNotice
            {
                DepartmentId = dept.Id, Period = period.Label, Score = u.Score!.Value, Band = u.Band!, VersionId = report.WeightsVersion == 0 ? null : report.WeightsVersion,
                ImprovementPlanId = plan.Id, DueOn = dueOn, Text = text, IssuedBy = by, IssuedAt = now,
            }).Entity;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditActions.Created, "assessment-notice", notice.Id.ToString(CultureInfo.InvariantCulture),
                new { department = u.Code, period = period.Label, u.Score, planId = plan.Id, dueOn }, ct);
        }
        return await ListAsync(period.Label, UserScope.Hospital, ct);
    }

    public async Task<List<NoticeView>> ListAsync(string? period, UserScope scope, CancellationToken ct = default)
    {
        var q = db.AssessmentNotices.AsNoTracking().AsQueryable();
        if (period is not null) q = q.Where(n => n.Period == period);
        var rows = await q.OrderByDescending(n => n.Period).ThenBy(n => n.Department!.Code)
            .Select(n => new { n.DepartmentId, V = new NoticeView(n.Id, n.Department!.Code, n.Department.Name, n.Period, n.Score, n.Band, n.ImprovementPlanId, n.DueOn, n.Text, n.IssuedAt) })
            .ToListAsync(ct);
        return rows.Where(r => scope.Covers(r.DepartmentId)).Select(r => r.V).ToList();
    }
}

public static class IndicatorNames
{
    public static string Chinese(string code) => code switch
    {
        Indicators.TrustIndex => "信任指数",
        Indicators.TrustingRate => "信任率",
        Indicators.ComplaintsOutpatient => "门诊投诉率 ‰",
        Indicators.ComplaintsInpatient => "住院投诉率 ‰",
        Indicators.OnTimeReply => "按时答复率",
        Indicators.Disputes => "纠纷数 / 万出院",
        Indicators.FollowUpRatio => "出院随访比例",
        Indicators.Training => "培训完成率",
        Indicators.PlansOnTime => "整改按期完成率",
        _ => code,
    };
}

public static class BandNames
{
    public static string Chinese(string band) => band switch
    {
        Bands.Excellent => "优秀",
        Bands.Good => "良好",
        Bands.Pass => "合格",
        Bands.NeedsImprovement => "待改进",
        _ => band,
    };
}
