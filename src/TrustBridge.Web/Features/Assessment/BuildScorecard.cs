using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Assessment;
using TrustBridge.Core.Statistics;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Assessment;

/// <summary>The JSON contract of GET /api/assessment/departments.</summary>
public sealed record ScorecardReport(string Period, DateOnly From, DateOnly To, int WeightsVersion, double NoticeBelow, IReadOnlyList<ScorecardUnit> Units);

public sealed record ScorecardUnit(string Code, string Name, double? Score, string? Band, bool UnderTarget, IReadOnlyList<ScorecardIndicator> Indicators);

/// <summary>One indicator of a department: value and interval (null when not assessed), n (answers, visits, discharges, cases or staff), target, met, assessed.</summary>
public sealed record ScorecardIndicator(string Code, double? Value, double? Low, double? High, int N, int? Count, double Target, bool? Met, bool Assessed, double? Score, decimal Weight);

/// <summary>
/// The department scorecard of ASSESSMENT.md for a quarter or year: each indicator from the same code and data as its
/// own page (the trust report, the feedback cases, disputes, CME credits, improvement plans), scored by Core.
/// </summary>
public sealed class BuildScorecard(
    TrustDbContext db, BuildTrustReport trust, AssessmentWeights weights, IFollowUpRatioSource followUps, HospitalClock clock, IConfiguration configuration)
{
    public double NoticeBelow => configuration.GetValue("Assessment:NoticeBelowScore", 60.0);
    public string TrustInstrument => configuration["Assessment:TrustInstrument"] ?? "trust-10";

    public async Task<ScorecardReport> RunAsync(AssessmentPeriod period, UserScope scope, CancellationToken ct = default)
    {
        var version = await weights.InForceAsync(period.To, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Active && d.Kind == DepartmentKinds.Clinical)
            .OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        departments = departments.Where(d => scope.Covers(d.Id)).ToList();

        var start = clock.StartOfDayUtc(period.From);
        var end = clock.StartOfDayUtc(period.To.AddDays(1));
        var now = clock.UtcNow;

        var trustReport = await trust.RunAsync(new TrustReportQuery(TrustInstrument, period.From, period.To, ReportUnits.Department, "sampled", trust.MinUnitN), UserScope.Hospital, ct);
        var trustByCode = trustReport.Units.ToDictionary(u => u.Code);

        var complaints = await db.FeedbackCases.AsNoTracking()
            .Where(c => c.Type == FeedbackTypes.Complaint && c.Status != CaseStatuses.Merged && c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => new { c.DepartmentId, Others = c.Departments.Select(d => d.DepartmentId).ToList() }).ToListAsync(ct);
        var complaintCount = new Dictionary<int, int>();
        foreach (var c in complaints)
            foreach (var id in c.Others.Append(c.DepartmentId ?? 0).Where(i => i != 0).Distinct())
                complaintCount[id] = complaintCount.GetValueOrDefault(id) + 1;

        var visits = await db.Encounters.AsNoTracking().Where(e => e.Type == EncounterTypes.Outpatient && e.StartedAt >= start && e.StartedAt < end)
            .GroupBy(e => e.DepartmentId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var discharges = await db.Encounters.AsNoTracking().Where(e => e.Type == EncounterTypes.Inpatient && e.EndedAt >= start && e.EndedAt < end)
            .GroupBy(e => e.DepartmentId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

        var due = await db.FeedbackCases.AsNoTracking()
            .Where(c => c.Type != FeedbackTypes.Praise && c.Status != CaseStatuses.Merged && c.DepartmentId != null && c.DueBy >= start && c.DueBy < end
                && (c.RepliedAt != null || c.DueBy < now || c.ResolvedOnTheSpot))
            .Select(c => new { Id = c.DepartmentId!.Value, OnTime = c.ResolvedOnTheSpot || (c.RepliedAt != null && c.RepliedAt <= c.DueBy) }).ToListAsync(ct);
        var dueBy = due.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => (OnTime: g.Count(x => x.OnTime), N: g.Count()));

        var disputes = await db.DisputeDepartments.AsNoTracking()
            .Where(x => db.Disputes.Any(d => d.Id == x.DisputeId && d.ArisenOn >= period.From && d.ArisenOn <= period.To))
            .GroupBy(x => x.DepartmentId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

        var followed = await followUps.ForAsync(period.From, period.To, ct);
        var training = await TrainingByDepartmentAsync(period.To.Year, ct);

        var plans = await db.ImprovementPlans.AsNoTracking().Where(p => p.DueOn >= period.From && p.DueOn <= period.To && p.Status != PlanStatuses.Cancelled)
            .Select(p => new { p.DepartmentId, p.Status, p.UpdatedAt, p.DueOn }).ToListAsync(ct);
        var plansBy = plans.GroupBy(p => p.DepartmentId).ToDictionary(g => g.Key,
            g => (OnTime: g.Count(p => p.Status == PlanStatuses.Done && clock.LocalDate(p.UpdatedAt) <= p.DueOn), N: g.Count()));

        var units = new List<ScorecardUnit>();
        foreach (var d in departments)
        {
            var values = new List<IndicatorValue>();
            var counts = new Dictionary<string, int?>();
            var t = trustByCode.GetValueOrDefault(d.Code);
            var trustOk = t is { Reportable: true };
            values.Add(new(Indicators.TrustIndex, trustOk && t!.TrustIndex is not null, t?.TrustIndex, trustOk && t!.CiLow is { } l ? new Interval(l, t.CiHigh!.Value) : null, t?.N ?? 0));
            values.Add(new(Indicators.TrustingRate, trustOk && t!.TrustingRate is not null, t?.TrustingRate, trustOk && t!.RateCiLow is { } rl ? new Interval(rl, t.RateCiHigh!.Value) : null, t?.N ?? 0));

            var k = complaintCount.GetValueOrDefault(d.Id);
            values.Add(Rate(Indicators.ComplaintsOutpatient, k, visits.GetValueOrDefault(d.Id), 1000, 1000));
            values.Add(Rate(Indicators.ComplaintsInpatient, k, discharges.GetValueOrDefault(d.Id), 1000, 100));
            counts[Indicators.ComplaintsOutpatient] = counts[Indicators.ComplaintsInpatient] = k;
            var dd = disputes.GetValueOrDefault(d.Id);
            values.Add(Rate(Indicators.Disputes, dd, discharges.GetValueOrDefault(d.Id), 10000, 500));
            counts[Indicators.Disputes] = dd;

            var (onTime, dueN) = dueBy.GetValueOrDefault(d.Id);
            values.Add(Proportion(Indicators.OnTimeReply, onTime, dueN, 10));
            counts[Indicators.OnTimeReply] = onTime;
            var (fu, fuN) = followed.TryGetValue(d.Id, out var f) ? f : (0, 0);
            values.Add(followed.ContainsKey(d.Id) ? Proportion(Indicators.FollowUpRatio, fu, fuN, 30) : new IndicatorValue(Indicators.FollowUpRatio, false, null, null, 0));
            counts[Indicators.FollowUpRatio] = followed.ContainsKey(d.Id) ? fu : null;
            var (onTrack, staffN) = training.GetValueOrDefault(d.Id);
            values.Add(Proportion(Indicators.Training, onTrack, staffN, 5));
            counts[Indicators.Training] = onTrack;
            var (plansOk, plansN) = plansBy.GetValueOrDefault(d.Id);
            values.Add(Proportion(Indicators.PlansOnTime, plansOk, plansN, 1));
            counts[Indicators.PlansOnTime] = plansOk;

            var scored = Scorecard.Score(values, version.Indicators);
            var rows = scored.Indicators.OrderBy(r => Order(r.Code)).Select(r => new ScorecardIndicator(r.Code, Round(r.Value), Round(r.Ci?.Low), Round(r.Ci?.High), r.N,
                counts.GetValueOrDefault(r.Code) ?? (r.Code is Indicators.TrustingRate && t is not null && trustOk ? (int?)Math.Round(t.TrustingRate!.Value * t.N) : null),
                r.Target, r.Met, r.Assessed, r.Score is { } s ? Math.Round(s, 1) : null, r.Weight)).ToList();
            units.Add(new ScorecardUnit(d.Code, d.Name, scored.Score, scored.Band, scored.Score is { } sc && sc < NoticeBelow, rows));
        }
        return new ScorecardReport(period.Label, period.From, period.To, version.Id, NoticeBelow, units);
    }

    /// <summary>Per department: staff on track for the year's CME credits, and active staff.</summary>
    public async Task<Dictionary<int, (int OnTrack, int N)>> TrainingByDepartmentAsync(int year, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.Active && s.DepartmentId != null).Select(s => new { s.Id, Dept = s.DepartmentId!.Value }).ToListAsync(ct);
        var credits = await db.CmeCredits.AsNoTracking().Where(c => c.Year == year)
            .Select(c => new { c.StaffId, c.Year, c.CreditClass, c.Level, c.Credits }).ToListAsync(ct);
        var byStaff = credits.GroupBy(c => c.StaffId).ToDictionary(g => g.Key, g => g.Select(c => new CmeCredit(c.Year, c.CreditClass, c.Level, c.Credits)).ToList());
        return staff.GroupBy(s => s.Dept).ToDictionary(g => g.Key, g => (
            g.Count(s => byStaff.TryGetValue(s.Id, out var list) && CmeCreditRules.Evaluate(year, list).Status == CmeStatuses.OnTrack), g.Count()));
    }

    private static IndicatorValue Rate(string code, int k, int denominator, double per, int minimum)
    {
        if (denominator < minimum) return new IndicatorValue(code, false, null, null, denominator);
        var r = PoissonInterval.Rate(k, denominator, per);
        return new IndicatorValue(code, true, r.Rate, r.Ci, denominator);
    }

    private static IndicatorValue Proportion(string code, int x, int n, int minimum) =>
        n < minimum || n == 0 ? new IndicatorValue(code, false, null, null, n) : new IndicatorValue(code, true, (double)x / n, WilsonInterval.Of(x, n), n);

    private static int Order(string code) => Indicators.All.Select((d, i) => (d, i)).First(x => x.d.Code == code).i;

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 4) : null;
}
