using System.Globalization;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Exports;

/// <summary>
/// The tables of the trust, survey and improvement pages as downloads (format=csv or xlsx). Each endpoint takes the
/// filters of its page — read the way the page reads them, so the file holds what the table shows — and applies the
/// page's access rule: a department head gets 403 for another department's page and only her own rows in lists.
/// </summary>
public static class TrustExportsApi
{
    public static IEndpointRouteBuilder MapTrustExportsApi(this IEndpointRouteBuilder app)
    {
        var trust = app.MapGroup("/api/trust").WithTags("Trust").RequireAuthorization(Policies.Staff);
        trust.MapGet("/monthly/export", HospitalMonths)
            .WithSummary("The hospital's monthly trust index (the leadership dashboard's trend table, 12 months up to `to`).");
        trust.MapGet("/departments/{code}/doctors/export", DepartmentDoctors)
            .WithSummary("A department's doctors with n, trust index and 95% CI, trusting rate and Wilson CI, funnel limits and flag.");
        trust.MapGet("/departments/{code}/dimensions/export", DepartmentDimensions)
            .WithSummary("A department's dimension scores (0–100) per month: the heat map as rows (12 months up to `to`).");
        trust.MapGet("/departments/{code}/monthly/export", DepartmentMonths)
            .WithSummary("A department's monthly trust index with XmR centre, limits and signals (24 months up to `to`).");
        trust.MapGet("/departments/{code}/comments/export", DepartmentComments)
            .WithSummary("Patients' comments on a department in the period (never who wrote them; formulas neutralised in CSV).");
        trust.MapGet("/doctors/{code}/monthly/export", DoctorMonths)
            .WithSummary("A doctor's monthly trust index with XmR centre, limits and signals (24 months up to `to`).");

        app.MapGet("/api/instruments/{code}/reliability/export", Reliability).WithTags("Surveys").RequireAuthorization(Policies.Staff)
            .WithSummary("Alpha if each item is deleted and corrected item-total r of an instrument over a period (default: the last year).");
        app.MapGet("/api/improvement-plans/export", Plans).WithTags("Improvement").RequireAuthorization(Policies.Staff)
            .WithSummary("Improvement plans in the reader's scope.");
        app.MapGet("/api/service-recovery/export", Recovery).WithTags("Surveys").RequireAuthorization(Policies.Staff)
            .WithSummary("Service-recovery tasks in the reader's scope.");
        app.MapGet("/api/surveys/waves/export", Waves).WithTags("Surveys").RequireAuthorization(Policies.Staff)
            .WithSummary("Survey waves with eligible, invited and answered counts.");
        app.MapGet("/api/surveys/waves/{id:int}/invitations/export", Invitations).WithTags("Surveys").RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("A wave's invitations; mobiles masked, the link token never included; audited as a patient export.");
        return app;
    }

    private static async Task<IResult> HospitalMonths(string? format, string? instrument, DateOnly? from, DateOnly? to, string? source,
        MonthlyTrustIndex monthly, BuildTrustReport build, HospitalClock clock, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        var q = Filters(instrument, from, to, source, build, clock);
        var months = MonthPoint.Window(await monthly.RunAsync(q.Instrument, q.To, 12, q.Source, ct: ct), q.To, 12, q.MinUnitN);
        return ExportResults.File(new ExportTable("trend", ["month", "n", "trust_index", "trusting_rate", "status"],
            months.Select(m => (IReadOnlyList<object?>)[m.Label, m.N, m.TrustIndex, m.TrustingRate, MonthStatus(m)]).ToList()), format ?? "csv",
            $"trust-trend-{q.Instrument}-{q.To:yyyyMMdd}");
    }

    /// <summary>The filters every trust export reads, as its page reads them.</summary>
    public sealed record TrustExportFilter(string? Format, string? Instrument, DateOnly? From, DateOnly? To, string? Source);

    /// <summary>A department export's shared first step: the format, the page's access rule and the page's filters.</summary>
    private sealed record DepartmentExport(IResult? Stop, Department? Department, TrustReportQuery Query, UserScope Scope, string Format);

    private static async Task<DepartmentExport> OpenDepartmentAsync(string code, TrustExportFilter f, TrustPageTables tables, BuildTrustReport build,
        ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var q = Filters(f.Instrument, f.From, f.To, f.Source, build, clock);
        var scope = await scopes.ForAsync(http.User, ct);
        if (ExportResults.Unknown(f.Format) is { } bad) return new(bad, null, q, scope, "");
        var (department, access) = await tables.DepartmentAsync(code, scope, ct);
        return new(Denied(access), department, q, scope, f.Format ?? "csv");
    }

    private static async Task<IResult> DepartmentDoctors(string code, [AsParameters] TrustExportFilter f,
        TrustPageTables tables, BuildTrustReport build, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var (stop, department, q, scope, format) = await OpenDepartmentAsync(code, f, tables, build, scopes, clock, http, ct);
        if (stop is not null) return stop;
        var doctors = await tables.DoctorsAsync(department!, q, scope, ct);
        return ExportResults.File(UnitTable($"{code} doctors", doctors), format, $"trust-{code}-doctors-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}");
    }

    private static async Task<IResult> DepartmentDimensions(string code, [AsParameters] TrustExportFilter f,
        TrustPageTables tables, DimensionScores dimensions, BuildTrustReport build, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var (stop, department, q, _, format) = await OpenDepartmentAsync(code, f, tables, build, scopes, clock, http, ct);
        if (stop is not null) return stop;
        // The page's heat map instrument: the chosen one when it has dimensions, else the department's most answered satisfaction survey.
        var from = TrustPageTables.HeatMapFrom(q.To);
        var heat = await dimensions.IsMultiDimensionalAsync(q.Instrument, ct) ? q.Instrument : await tables.SatisfactionInstrumentAsync(department!.Id, from, q.To, ct) ?? q.Instrument;
        var grid = await dimensions.RunAsync(heat, department!.Id, from, q.To, q.Source, ct);
        var rows = grid.Dimensions.SelectMany(d => grid.Months.Select(m => grid.Cell(m, d)).OfType<DimensionCell>())
            .Select(c => (IReadOnlyList<object?>)[c.Month, c.Dimension, c.N, c.Score])
            .ToList();
        return ExportResults.File(new ExportTable($"{code} dimensions", ["month", "dimension", "n", "score"], rows), format,
            $"trust-{code}-dimensions-{q.Instrument}-{q.To:yyyyMMdd}");
    }

    private static async Task<IResult> DepartmentMonths(string code, [AsParameters] TrustExportFilter f,
        TrustPageTables tables, MonthlyTrustIndex monthly, BuildTrustReport build, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var (stop, department, q, _, format) = await OpenDepartmentAsync(code, f, tables, build, scopes, clock, http, ct);
        if (stop is not null) return stop;
        var months = await monthly.RunAsync(q.Instrument, q.To, TrustPageTables.ChartMonths, q.Source, departmentId: department!.Id, ct: ct);
        return ExportResults.File(XmrTable($"{code} monthly", XmrView.Of(months, q.To, TrustPageTables.ChartMonths, q.MinUnitN)), format, $"trust-{code}-monthly-{q.Instrument}-{q.To:yyyyMMdd}");
    }

    private static async Task<IResult> DepartmentComments(string code, [AsParameters] TrustExportFilter f,
        TrustPageTables tables, BuildTrustReport build, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var (stop, department, q, _, format) = await OpenDepartmentAsync(code, f, tables, build, scopes, clock, http, ct);
        if (stop is not null) return stop;
        var comments = await tables.CommentsAsync(department!.Id, null, q.From, q.To, Paging.PagedQuery.MaxExportRows, ct);
        return ExportResults.File(new ExportTable($"{code} comments", ["encounter_date", "source", "comment"],
            comments.Select(c => (IReadOnlyList<object?>)[c.EncounterDate, c.Source, c.Text]).ToList()), format,
            $"trust-{code}-comments-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}");
    }

    private static async Task<IResult> DoctorMonths(string code, string? format, string? instrument, DateOnly? from, DateOnly? to, string? source,
        TrustPageTables tables, MonthlyTrustIndex monthly, BuildTrustReport build, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        var (doctor, access) = await tables.DoctorAsync(code, await scopes.ForAsync(http.User, ct), ct);
        if (Denied(access) is { } denied) return denied;
        var q = Filters(instrument, from, to, source, build, clock);
        var months = await monthly.RunAsync(q.Instrument, q.To, TrustPageTables.ChartMonths, q.Source, staffId: doctor!.Id, ct: ct);
        return ExportResults.File(XmrTable($"{code} monthly", XmrView.Of(months, q.To, TrustPageTables.ChartMonths, q.MinUnitN)), format ?? "csv", $"trust-doctor-{code}-monthly-{q.Instrument}-{q.To:yyyyMMdd}");
    }

    private static async Task<IResult> Reliability(string code, string? format, DateOnly? from, DateOnly? to, InstrumentReliability reliability,
        HospitalClock clock, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        var end = to ?? clock.Today;
        if (await reliability.RunAsync(code, from ?? end.AddYears(-1), end, ct) is not { } r) return TypedResults.NotFound();
        var rows = r.Items.Select(i => (IReadOnlyList<object?>)[i.Code, i.AlphaIfDeleted, i.CorrectedItemTotal, i.Warning, r.Alpha, r.CompleteRespondents]).ToList();
        return ExportResults.File(new ExportTable($"{code} reliability", ["item", "alpha_if_deleted", "corrected_item_total_r", "warning", "alpha", "complete_respondents"], rows),
            format ?? "csv", $"reliability-{code}-{r.From:yyyyMMdd}-{r.To:yyyyMMdd}");
    }

    private static async Task<IResult> Plans(string? format, string? status, ImprovementPlanBook book, ScopeOfUser scopes, HttpContext http, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        var plans = await book.ListAsync(status, await scopes.ForAsync(http.User, ct), ct);
        return ExportResults.File(new ExportTable("improvement plans",
            ["department_code", "department", "instrument", "period_from", "period_to", "n", "trusting_rate", "lower998", "owner", "due_on", "status", "notes"],
            plans.Select(p => (IReadOnlyList<object?>)[p.DepartmentCode, p.DepartmentName, p.Instrument, p.PeriodFrom, p.PeriodTo, p.N, p.TrustingRate, p.Lower998,
                p.Owner, p.DueOn, p.Status, p.Notes]).ToList()), format ?? "csv", "improvement-plans");
    }

    private static async Task<IResult> Recovery(string? format, string? status, RecoveryTaskBook book, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        var tasks = await book.ListAsync(status, await scopes.ForAsync(http.User, ct), ct);
        return ExportResults.File(new ExportTable("service recovery",
            ["id", "response_id", "department_code", "department", "reason", "score", "recommend", "comment", "status", "notes", "created_at", "closed_at"],
            tasks.Select(t => (IReadOnlyList<object?>)[t.Id, t.ResponseId, t.DepartmentCode, t.DepartmentName, t.Reason, t.Score, t.Recommend, t.Comment,
                t.Status, t.Notes, clock.ToLocal(t.CreatedAt), t.ClosedAt is { } closed ? clock.ToLocal(closed) : null]).ToList()), format ?? "csv", "service-recovery");
    }

    private static async Task<IResult> Waves(string? format, GetSurveyWave get, HospitalClock clock, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        var waves = await get.ListAsync(ct);
        return ExportResults.File(new ExportTable("survey waves",
            ["id", "name", "instrument", "instrument_version", "period_from", "period_to", "contact_date", "margin", "response_rate", "seed", "eligible", "invitations", "answered", "created_at", "created_by"],
            waves.Select(w => (IReadOnlyList<object?>)[w.Id, w.Name, w.Instrument, w.InstrumentVersion, w.PeriodFrom, w.PeriodTo, w.ContactDate, w.Margin, w.ResponseRate, w.Seed,
                w.Draw.Eligible, w.Draw.Invitations, w.InvitationsByStatus.GetValueOrDefault("answered"), clock.ToLocal(w.CreatedAt), w.CreatedBy]).ToList()), format ?? "csv", "survey-waves");
    }

    private static async Task<IResult> Invitations(int id, string? format, string? departmentCode, GetSurveyWave get, AuditLog audit, HospitalClock clock, CancellationToken ct)
    {
        if (ExportResults.Unknown(format) is { } bad) return bad;
        if (await get.RunAsync(id, ct) is null) return TypedResults.NotFound();
        var dept = string.IsNullOrWhiteSpace(departmentCode) ? null : departmentCode;
        var page = await get.InvitationsAsync(id, dept, 1, Paging.PagedQuery.MaxExportRows, ct, export: true);
        await audit.RecordAsync(AuditActions.PatientsExported, "survey-wave", id.ToString(CultureInfo.InvariantCulture), new { DepartmentCode = dept, Rows = page.Items.Count }, ct);
        return ExportResults.File(new ExportTable($"wave {id} invitations",
            ["department_code", "mrn", "patient", "mobile_masked", "encounter_date", "status", "expires_at"],
            page.Items.Select(i => (IReadOnlyList<object?>)[i.DepartmentCode, i.PatientMrn, i.PatientName, i.Mobile, i.EncounterDate, i.Status, clock.ToLocal(i.ExpiresAt)]).ToList()),
            format ?? "csv", $"survey-wave-{id}-invitations");
    }

    /// <summary>The trust pages' filters with the pages' defaults (the last complete quarter, trust-10, sampled sources).</summary>
    private static TrustReportQuery Filters(string? instrument, DateOnly? from, DateOnly? to, string? source, BuildTrustReport build, HospitalClock clock) =>
        new TrustFilters { Instrument = instrument, From = from, To = to, Source = source }.Query(clock.Today, build.MinUnitN);

    private static IResult? Denied(UnitAccess access) => access switch
    {
        UnitAccess.NotFound => TypedResults.NotFound(),
        UnitAccess.Forbidden => TypedResults.Forbid(),
        _ => null,
    };

    /// <summary>The unit table of the report and department exports: a unit below the reportable n has empty figure cells and status insufficient-sample.</summary>
    public static ExportTable UnitTable(string title, IEnumerable<UnitRow> units) => new(title,
        ["code", "name", "n", "status", "trust_index", "ci_low", "ci_high", "trusting_rate", "rate_ci_low", "rate_ci_high", "lower95", "upper95", "lower998", "upper998", "flag"],
        units.Select(u => (IReadOnlyList<object?>)[u.Code, u.Name, u.N, u.Status, u.TrustIndex, u.CiLow, u.CiHigh, u.TrustingRate, u.RateCiLow, u.RateCiHigh,
            u.Funnel?.Lower95, u.Funnel?.Upper95, u.Funnel?.Lower998, u.Funnel?.Upper998, u.Flag]).ToList());

    private static string MonthStatus(MonthPoint m) => m.Reportable ? UnitStatuses.Reportable : UnitStatuses.InsufficientSample;

    private static ExportTable XmrTable(string title, XmrView xmr) => new(title,
        ["month", "n", "status", "trust_index", "trusting_rate", "centre", "lower_limit", "upper_limit", "signals"],
        xmr.Months.Select((m, i) =>
        {
            var signals = xmr.SignalsAt(i);
            // A month below the reportable n is a gap in the chart: no figure and no limits on its row.
            var chart = m.Reportable ? xmr.Chart : null;
            return (IReadOnlyList<object?>)[m.Label, m.N, MonthStatus(m), m.TrustIndex, m.TrustingRate, chart?.Centre, chart?.Lower, chart?.Upper,
                string.Join(";", signals.Select(XmrView.SignalCode))];
        }).ToList());
}
