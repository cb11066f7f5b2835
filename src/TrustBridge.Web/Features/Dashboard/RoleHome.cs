using System.Security.Claims;
using TrustBridge.Core.Statistics;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Disputes;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Paging;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Dashboard;

/// <summary>Whose home page a user gets (issue 8, deliver 1); a user with several roles gets the first that applies.</summary>
public enum HomeKind { Office, DepartmentHead, Clinician, Executive, Supervisor }

/// <summary>A trust report with the query it ran, so the page can link to the same figures on the trust pages.</summary>
public sealed record HomeTrust(TrustReport Report, string Filter);

/// <summary>
/// What one home page shows. Every number comes from the feature that owns it (the queue's tab counts and list, the
/// trust report and monthly index, the plan book, the praise board, feedback analytics); this class only chooses
/// which of them a role needs, with that user's scope.
/// </summary>
public sealed record HomeView(HomeKind Kind, CaseViewCounts Cases)
{
    /// <summary>
    /// 可能高危 second looks waiting (cases triage thinks may be high risk, for a person to check); set for the office only,
    /// null for other roles, whose home then leaves the card out.
    /// </summary>
    public int? SecondLooks { get; init; }
    /// <summary>The office only: public catalogue items past their update deadline (issue 11).</summary>
    public int? PortalOverdue { get; init; }
    /// <summary>The cases to act on first: overdue (head, supervisor) or the latest naming the clinician.</summary>
    public IReadOnlyList<CaseSummary> CaseList { get; init; } = [];
    public HomeTrust? Trust { get; init; }
    public IReadOnlyList<TrustMonth> Trend { get; init; } = [];
    /// <summary>Units whose funnel flag leaves the expected range (alarms and alerts, low first).</summary>
    public IReadOnlyList<UnitRow> Outliers { get; init; } = [];
    public IReadOnlyList<PlanView> PlansDue { get; init; } = [];
    public StaffPraise? Praise { get; init; }
    public FeedbackAnalyticsReport? Feedback { get; init; }
    /// <summary>Leadership only: disputes still open, and those past their route's or autopsy's deadline (the dispute queue's counts).</summary>
    public HomeDisputes? Disputes { get; init; }
    /// <summary>True when the clinician's login is linked to a staff record (his scores and praise need it).</summary>
    public bool LinkedToStaff { get; init; } = true;
}

public sealed class RoleHome(ScopeOfUser scopes, CountCaseViews counts, ListCases list, BuildTrustReport build, MonthlyTrustIndex monthly,
    ImprovementPlanBook plans, PraiseBoard praise, FeedbackAnalytics analytics, DisputeReads disputes, HospitalClock clock,
    Portal.PortalEditing portal)
{
    public const int TrendMonths = 12;
    public const int ListedCases = 8;

    public static HomeKind KindOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.PatientRelations) ? HomeKind.Office
        : user.IsInRole(Roles.Executive) ? HomeKind.Executive
        : user.IsInRole(Roles.Supervisor) ? HomeKind.Supervisor
        : user.IsInRole(Roles.DepartmentHead) ? HomeKind.DepartmentHead
        : HomeKind.Clinician;

    public async Task<HomeView> RunAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var kind = KindOf(user);
        var scope = await scopes.ForAsync(user, ct);
        var viewer = new CaseViewer(user, scope);
        var caseCounts = await counts.RunAsync(viewer, ct);
        var home = new HomeView(kind, caseCounts);
        return kind switch
        {
            // 可能高危 second looks are the office's to clear (the on-duty office, within 2 hours).
            HomeKind.Office => home with { SecondLooks = caseCounts.SecondLook, PortalOverdue = await portal.OverdueCountAsync(ct) },
            HomeKind.DepartmentHead => home with
            {
                CaseList = await CasesAsync(viewer, CaseViewsFilter.Overdue, "due", ct),
                Trust = await TrustAsync(ReportUnits.Department, scope, ct),
                PlansDue = (await plans.ListAsync(null, scope, ct))
                    .Where(p => p.Status is PlanStatuses.Open or PlanStatuses.InProgress).OrderBy(p => p.DueOn).ToList(),
            },
            HomeKind.Clinician => home with
            {
                CaseList = await CasesAsync(viewer, null, null, ct),
                Trust = scope.StaffId is null ? null : await TrustAsync(ReportUnits.Doctor, scope, ct),
                Praise = scope.StaffId is { } staffId ? await praise.ForStaffAsync(staffId, ct) : null,
                LinkedToStaff = scope.StaffId is not null,
            },
            _ => await LeadershipAsync(home with
            {
                CaseList = kind == HomeKind.Supervisor ? await CasesAsync(viewer, CaseViewsFilter.Overdue, "due", ct) : [],
            }, viewer, scope, ct),
        };
    }

    /// <summary>The executive's and the supervisor's: the hospital's trust, its trend and outliers, feedback volumes and on-time rates.</summary>
    private async Task<HomeView> LeadershipAsync(HomeView home, CaseViewer viewer, UserScope scope, CancellationToken ct)
    {
        var trust = await TrustAsync(ReportUnits.Department, scope, ct);
        var q = trust.Report.Query;
        return home with
        {
            Trust = trust,
            // The same call as the trust overview's 近 12 个月 trend.
            Trend = await monthly.RunAsync(q.Instrument, q.To, TrendMonths, q.Source, ct: ct),
            Outliers = trust.Report.Units.Where(u => u.Reportable && u.Flag is not (null or FunnelFlags.Within))
                .OrderBy(u => Severity(u.Flag)).ThenBy(u => u.TrustingRate).ToList(),
            Feedback = await analytics.RunAsync(analytics.Default(), viewer, ct),
            Disputes = await DisputesAsync(viewer.User, scope, ct),
        };
    }

    private async Task<HomeDisputes> DisputesAsync(ClaimsPrincipal user, UserScope scope, CancellationToken ct)
    {
        var viewer = new DisputeViewer(user, scope);
        var open = await disputes.ListAsync(new DisputeFilter(Status: DisputeStatuses.Open, PageSize: 1), viewer, ct);
        var overdue = await disputes.ListAsync(new DisputeFilter(View: "overdue", PageSize: 1), viewer, ct);
        return new HomeDisputes(open.Total, overdue.Total);
    }

    private static int Severity(string? flag) => flag switch
    {
        FunnelFlags.LowAlarm => 0,
        FunnelFlags.LowAlert => 1,
        FunnelFlags.HighAlarm => 2,
        _ => 3,
    };

    /// <summary>The trust overview's default report (the last complete quarter, trust-10, sampled answers) in the user's scope.</summary>
    private async Task<HomeTrust> TrustAsync(string unit, UserScope scope, CancellationToken ct)
    {
        var query = new TrustFilters { Unit = unit }.Query(clock.Today, build.MinUnitN);
        return new HomeTrust(await build.RunAsync(query, scope, ct), TrustFilters.QueryString(query));
    }

    private async Task<IReadOnlyList<CaseSummary>> CasesAsync(CaseViewer viewer, string? view, string? sort, CancellationToken ct) =>
        (await list.RunAsync(new CaseFilter(View: view, Sort: sort, Page: 1, PageSize: ListedCases), viewer, ct)).Items;
}

public sealed record HomeDisputes(int Open, int Overdue);
