using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Trust;

/// <summary>The answers a report counts: the instrument, encounter dates in the period, and the source (sampled by default).</summary>
public static class ReportResponses
{
    public static IQueryable<SurveyResponse> Of(TrustDbContext db, TrustReportQuery q)
    {
        var r = db.SurveyResponses.Where(x => x.Instrument!.Code == q.Instrument && x.EncounterDate >= q.From && x.EncounterDate <= q.To);
        return q.Source switch
        {
            "all" => r,
            "sampled" => r.Where(x => ResponseSources.Sampled.Contains(x.Source)),
            var one => r.Where(x => x.Source == one),
        };
    }
}
