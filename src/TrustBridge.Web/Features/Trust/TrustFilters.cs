using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Features.Trust;

/// <summary>
/// The filters of the trust pages, read from the query string. The period defaults to the last complete quarter, so a
/// report never mixes a finished quarter with a few days of the current one.
/// </summary>
public sealed class TrustFilters
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Instrument { get; set; }
    public string? Source { get; set; }
    public string? Unit { get; set; }

    /// <summary>The query the report service runs: unknown values fall back to the defaults rather than failing the page.</summary>
    public TrustReportQuery Query(DateOnly today, int minUnitN)
    {
        var (qFrom, qTo) = TrustBridge.Core.Calendar.Quarters.LastComplete(today);
        var from = From ?? qFrom;
        var to = To ?? qTo;
        if (from > to) (from, to) = (to, from);
        var instrument = string.IsNullOrWhiteSpace(Instrument) ? ShippedInstruments.Trust10 : Instrument.Trim();
        var source = Source is "all" or "sampled" || ResponseSources.All.Contains(Source) ? Source! : "sampled";
        var unit = Unit == ReportUnits.Doctor ? ReportUnits.Doctor : ReportUnits.Department;
        return new TrustReportQuery(instrument, from, to, unit, source, minUnitN);
    }

    /// <summary>The same filters as a query string for links (export, department and doctor pages).</summary>
    public static string QueryString(TrustReportQuery q, bool withUnit = true) =>
        $"instrument={Uri.EscapeDataString(q.Instrument)}&from={q.From:yyyy-MM-dd}&to={q.To:yyyy-MM-dd}&source={Uri.EscapeDataString(q.Source)}"
        + (withUnit ? $"&unit={q.Unit}" : "");
}
