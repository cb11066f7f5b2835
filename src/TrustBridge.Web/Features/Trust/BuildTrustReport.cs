using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Psychometrics;
using TrustBridge.Core.Statistics;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Features.Trust;

public static class ReportUnits
{
    public const string Department = "department";
    public const string Doctor = "doctor";
}

/// <summary>
/// Trust index, trusting rate and funnel flags per department or doctor over a period of encounter dates
/// (MEASUREMENT.md). Per-unit sums come from one SQL GROUP BY (departments: over the daily sums); the comparison is Core's. Units are computed against
/// the whole hospital and then limited to what the caller may see.
/// </summary>
public sealed class BuildTrustReport(TrustDbContext db, IConfiguration configuration, ReliabilityCache reliability)
{
    public async Task<TrustReport> RunAsync(TrustReportQuery query, UserScope scope, CancellationToken ct = default)
    {
        var groups = query.Unit == ReportUnits.Doctor
            ? await Filter(query).Where(r => r.StaffId != null).GroupBy(r => r.StaffId!.Value)
                .Select(g => new Group(g.Key, g.Count(), g.Sum(r => r.Score!.Value), g.Sum(r => r.Score!.Value * r.Score!.Value), g.Count(r => r.Trusts == true)))
                .ToListAsync(ct)
            : await DepartmentGroupsAsync(query, ct);

        var ids = groups.Select(g => g.Id).ToList();
        var names = query.Unit == ReportUnits.Doctor
            ? await db.Staff.Where(s => ids.Contains(s.Id)).Select(s => new UnitName(s.Id, s.Code, s.Name, s.DepartmentId)).ToListAsync(ct)
            : await db.Departments.Where(d => ids.Contains(d.Id)).Select(d => new UnitName(d.Id, d.Code, d.Name, d.Id)).ToListAsync(ct);
        var byId = names.ToDictionary(n => n.Id);

        var tallies = groups.OrderBy(g => byId[g.Id].Code, StringComparer.Ordinal)
            .Select(g => new UnitTally(byId[g.Id].Code, byId[g.Id].Name, g.N, g.Sum, g.SumOfSquares, g.Trusting)).ToList();
        var comparison = UnitComparison.Compare(tallies, query.MinUnitN);
        var alpha = await CachedAlphaAsync(query, groups, ct);

        var visible = names.Where(n => Visible(n, query.Unit, scope)).Select(n => n.Code).ToHashSet();
        var rows = UnitOrder.Sort(comparison.Units.Where(u => visible.Contains(u.Code)).Select(ToRow), null);
        return new TrustReport(query, new HospitalSummary(comparison.N, comparison.TrustIndex, comparison.TrustingRate, alpha, comparison.Phi), rows);
    }

    public int MinUnitN => configuration.GetValue("Reporting:MinUnitN", 10);

    /// <summary>
    /// Per-department n, Σ score, Σ score² and number trusting from the daily sums that the database keeps in step with
    /// survey_responses (migration 0006): the same answers as <see cref="Filter"/> grouped by department, read from a
    /// few thousand rows instead of every answer. Doctors have no daily sums (800 doctors × days × sources is nearly
    /// one row per answer), so the doctor report groups the answers themselves.
    /// </summary>
    private async Task<List<Group>> DepartmentGroupsAsync(TrustReportQuery q, CancellationToken ct)
    {
        var sums = db.TrustDailySums.AsNoTracking().Where(x => db.Instruments.Any(i => i.Id == x.InstrumentId && i.Code == q.Instrument)
            && x.EncounterDate >= q.From && x.EncounterDate <= q.To);
        sums = q.Source switch
        {
            "all" => sums,
            "sampled" => sums.Where(x => ResponseSources.Sampled.Contains(x.Source)),
            var one => sums.Where(x => x.Source == one),
        };
        return await sums.GroupBy(x => x.DepartmentId)
            .Select(g => new Group(g.Key, g.Sum(x => x.N), g.Sum(x => x.SumScore), g.Sum(x => x.SumScoreSq), g.Sum(x => x.NTrusting)))
            .ToListAsync(ct);
    }

    /// <summary>The scored answers of the report (only valid respondents have a score).</summary>
    private IQueryable<SurveyResponse> Filter(TrustReportQuery q) => ReportResponses.Of(db, q).AsNoTracking().Where(x => x.Score != null);

    private async Task<double?> CachedAlphaAsync(TrustReportQuery q, List<Group> groups, CancellationToken ct)
    {
        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Items)
            .Where(i => i.Code == q.Instrument).OrderByDescending(i => i.Status == InstrumentStatuses.Published).ThenByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (instrument is null) return null;
        var maxId = await db.SurveyResponses.MaxAsync(r => (long?)r.Id, ct) ?? 0;
        var key = new ReliabilityCache.Key(instrument.Id, q.From, q.To, q.Source, q.Unit);
        // PostgreSQL sums in parallel workers, so Σ score differs in its last bits from run to run: rounded to 0.1, well
        // above the rounding noise of a million additions and below a changed score (a step is at least 2.5 points).
        var fingerprint = new ReliabilityCache.Fingerprint(maxId, groups.Sum(g => (long)g.N), groups.Sum(g => (long)g.Trusting),
            Math.Round(groups.Sum(g => g.Sum), 1));
        return await reliability.GetOrComputeAsync(key, fingerprint, () => AlphaAsync(q, instrument, ct));
    }

    /// <summary>Cronbach's α over respondents who answered every likert5 item of the instrument, streamed.</summary>
    private async Task<double?> AlphaAsync(TrustReportQuery q, Instrument instrument, CancellationToken ct)
    {
        var items = instrument.Items.Where(i => i.Scale == ItemScales.Likert5).OrderBy(i => i.Position).ToArray();
        if (items.Length < 2) return null;
        var acc = new ItemCovariance(items.Length);
        var row = new double[items.Length];
        await foreach (var answers in Filter(q).Select(x => x.Answers).AsAsyncEnumerable().WithCancellation(ct))
        {
            var decoded = ResponseScoring.Decode(answers);
            var complete = true;
            for (var i = 0; i < items.Length && complete; i++)
            {
                if (!decoded.TryGetValue(items[i].Code, out var v)) complete = false;
                else row[i] = items[i].Reverse ? ScaleScoring.Reverse(v) : v;
            }
            if (complete) acc.Add(row);
        }
        return acc.Alpha();
    }

    private static bool Visible(UnitName unit, string unitKind, UserScope scope)
    {
        if (scope.DepartmentIds is null) return true;
        if (scope.SelfOnly) return unitKind == ReportUnits.Doctor && scope.StaffId == unit.Id;
        return unit.DepartmentId is { } d && scope.DepartmentIds.Contains(d);
    }

    /// <summary>A unit below the reportable n keeps its n and loses every figure (issue 8: no "95% CI −181.6 – 326.6" for n = 2).</summary>
    private static UnitRow ToRow(UnitResult u) => u.Reportable
        ? new(u.Code, u.Name, u.N, u.TrustIndex, u.IndexCi?.Low, u.IndexCi?.High, u.TrustingRate, u.RateCi?.Low, u.RateCi?.High, u.Reportable,
            u.Funnel is { } f ? new FunnelRow(f.Lower95, f.Upper95, f.Lower998, f.Upper998) : null, u.Flag)
        : new(u.Code, u.Name, u.N, null, null, null, null, null, null, false, null, null, UnitStatuses.InsufficientSample);

    private sealed record Group(int Id, int N, double Sum, double SumOfSquares, int Trusting);
    private sealed record UnitName(int Id, string Code, string Name, int? DepartmentId);
}
