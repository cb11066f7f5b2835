using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Portal;

/// <summary>One quarter of a department's published result (the API contract of issue 11).</summary>
public sealed record PublicPeriod(DateOnly From, DateOnly To, int N, bool Published, double? TrustIndex, double? CiLow, double? CiHigh,
    double? TrustingRate, double? RateCiLow, double? RateCiHigh, string? Reason,
    double? HospitalTrustIndex, double? ResponseRate, int Invited, int Answered);

public sealed record PublicDepartmentResults(string Department, string Name, string Instrument, string Method, int MinPublishedN,
    IReadOnlyList<PublicPeriod> Periods);

public sealed record PublicComplaintStats(DateOnly From, DateOnly To, int Total, IReadOnlyList<CountRow> ByCategory,
    IReadOnlyList<CountRow> ByType, int OnTime, int Judged, double? OnTimeRate);

/// <summary>
/// What the public reads of the trust results: each quarter of a department computed by the staff report
/// (<see cref="BuildTrustReport"/>, no second implementation) with the publication threshold Portal:MinPublishedN
/// in place of the staff one, beside the hospital's value; and the hospital's complaint statistics from
/// <see cref="FeedbackAnalytics"/>. Nothing ranks departments.
/// </summary>
public sealed class PublicResults(TrustDbContext db, BuildTrustReport reports, FeedbackAnalytics analytics, HospitalClock clock, IOptions<PortalOptions> options)
{
    public const string Method = "invitation-sample";
    public int MinPublishedN => Math.Max(1, options.Value.MinPublishedN);

    public async Task<PublicDepartmentResults?> DepartmentAsync(string code, string instrument, CancellationToken ct = default)
    {
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == code && d.Active && d.Kind != DepartmentKinds.Admin)
            .Select(d => new { d.Id, d.Code, d.Name }).FirstOrDefaultAsync(ct);
        if (department is null) return null;
        var periods = new List<PublicPeriod>();
        var (from, to) = Core.Calendar.Quarters.LastComplete(clock.Today);
        for (var i = 0; i < Math.Clamp(options.Value.TrendQuarters, 1, 12); i++)
        {
            var query = new TrustReportQuery(instrument, from, to, ReportUnits.Department, "sampled", MinPublishedN);
            var report = await reports.RunAsync(query, UserScope.Hospital, ct);
            var row = report.Units.FirstOrDefault(u => u.Code == department.Code);
            var invited = await db.SurveyInvitations.AsNoTracking().Where(x => x.DepartmentId == department.Id
                && x.EncounterDate >= from && x.EncounterDate <= to && x.Status != InvitationStatuses.Pending
                && x.Wave!.Instrument!.Code == instrument).GroupBy(_ => 1)
                .Select(g => new { N = g.Count(), Answered = g.Count(x => x.Status == InvitationStatuses.Answered) }).FirstOrDefaultAsync(ct);
            var n = row?.N ?? 0;
            var published = row is { Reportable: true };
            var reason = published ? null
                : string.Create(CultureInfo.InvariantCulture, $"insufficient-sample: {n} completed surveys in the period, fewer than the {MinPublishedN} needed to publish.");
            var hospital = report.Hospital.N >= MinPublishedN ? report.Hospital.TrustIndex : null;
            periods.Add(published
                ? new PublicPeriod(from, to, n, true, row!.TrustIndex, row.CiLow, row.CiHigh, row.TrustingRate, row.RateCiLow, row.RateCiHigh, null,
                    hospital, Rate(invited?.Answered, invited?.N), invited?.N ?? 0, invited?.Answered ?? 0)
                : new PublicPeriod(from, to, n, false, null, null, null, null, null, null, reason, hospital,
                    Rate(invited?.Answered, invited?.N), invited?.N ?? 0, invited?.Answered ?? 0));
            to = from.AddDays(-1);
            from = from.AddMonths(-3);
        }
        return new PublicDepartmentResults(department.Code, department.Name, instrument, Method, MinPublishedN, periods);
    }

    private static double? Rate(int? answered, int? invited) => invited is > 0 ? (double)answered!.Value / invited.Value : null;

    /// <summary>The hospital's complaints of the last 12 months: volume by category and type, on-time replies. Counts below 5 show as "&lt;5".</summary>
    public async Task<PublicComplaintStats> ComplaintsAsync(CancellationToken ct = default)
    {
        var report = await analytics.RunAsync(analytics.Default(), HospitalWide, ct);
        return new PublicComplaintStats(report.Query.From, report.Query.To, report.Total, report.ByCategory, report.ByType,
            report.OnTime.Numerator, report.OnTime.Denominator, report.OnTime.Value);
    }

    /// <summary>Hospital-wide aggregates only: the analytics read as the leadership does, never a case.</summary>
    private static readonly CaseViewer HospitalWide = new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Executive)], "portal-aggregate")), UserScope.Hospital);

    /// <summary>PORTAL.md small cells: a published count of 1–4 is shown as "&lt;5".</summary>
    public static string Cell(int n) => n is > 0 and < 5 ? "<5" : n.ToString("N0", CultureInfo.InvariantCulture);
}
