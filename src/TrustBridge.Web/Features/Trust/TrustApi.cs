using Microsoft.AspNetCore.Http.HttpResults;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Trust;

public static class TrustApi
{
    public static IEndpointRouteBuilder MapTrustReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/trust/report", Report).WithTags("Trust").RequireAuthorization(Policies.Staff)
            .WithSummary("Trust index, trusting rate, funnel limits and flags per department or doctor (MEASUREMENT.md). Dates are encounter dates, inclusive; source = sampled (default), all, or one source.");
        app.MapGet("/api/trust/nps", async Task<Results<Ok<Core.Psychometrics.NpsResult>, ValidationProblem>> (string? instrument, DateOnly? from, DateOnly? to, string? source,
                BuildTrustReport build, HospitalClock clock, PromoterScore nps, CancellationToken ct) =>
            {
                var (query, errors) = Query(instrument, from, to, null, source, build, clock);
                return query is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await nps.RunAsync(query, ct));
            })
            .WithTags("Trust").RequireAuthorization(Policies.Staff)
            .WithSummary("Net Promoter Score of the hospital (recommend 0–10: promoters 9–10, detractors 0–6) over the same answers as the report.");
        app.MapGet("/api/trust/report/export", Export).WithTags("Trust").RequireAuthorization(Policies.Staff)
            .WithSummary("The same report's unit table as a download: format=csv or xlsx.");
        return app;
    }

    private static async Task<IResult> Export(string? format, string? instrument, DateOnly? from, DateOnly? to, string? unit, string? source,
        BuildTrustReport build, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var fmt = format ?? "csv";
        if (!Exports.ExportResults.IsKnown(fmt))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx."] });
        var result = await Report(instrument, from, to, unit, source, build, scopes, clock, http, ct);
        if (result.Result is not Ok<TrustReport> { Value: { } report }) return result.Result;
        var table = Exports.TrustExportsApi.UnitTable($"{report.Query.Instrument} {report.Query.Unit}", report.Units);
        return Exports.ExportResults.File(table, fmt, $"trust-{report.Query.Instrument}-{report.Query.Unit}-{report.Query.From:yyyyMMdd}-{report.Query.To:yyyyMMdd}");
    }

    private static async Task<Results<Ok<TrustReport>, ValidationProblem>> Report(
        string? instrument, DateOnly? from, DateOnly? to, string? unit, string? source,
        BuildTrustReport build, ScopeOfUser scopes, HospitalClock clock, HttpContext http, CancellationToken ct)
    {
        var (query, errors) = Query(instrument, from, to, unit, source, build, clock);
        if (query is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await build.RunAsync(query, await scopes.ForAsync(http.User, ct), ct));
    }

    /// <summary>The report's query from the request, or the problems by parameter.</summary>
    private static (TrustReportQuery? Query, Dictionary<string, string[]> Errors) Query(
        string? instrument, DateOnly? from, DateOnly? to, string? unit, string? source, BuildTrustReport build, HospitalClock clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(instrument)) errors["instrument"] = ["instrument is required (e.g. trust-10)."];
        var unitKind = unit ?? ReportUnits.Department;
        if (unitKind is not (ReportUnits.Department or ReportUnits.Doctor)) errors["unit"] = ["unit must be department or doctor."];
        var src = source ?? "sampled";
        if (src is not ("sampled" or "all") && !ResponseSources.All.Contains(src))
            errors["source"] = [$"source must be sampled, all, or one of {string.Join(", ", ResponseSources.All)}."];
        var end = to ?? clock.Today;
        var start = from ?? end.AddMonths(-3).AddDays(1);
        if (start > end) errors["from"] = ["from must not be after to."];
        return errors.Count > 0 ? (null, errors) : (new TrustReportQuery(instrument!.Trim(), start, end, unitKind, src, build.MinUnitN), errors);
    }
}
