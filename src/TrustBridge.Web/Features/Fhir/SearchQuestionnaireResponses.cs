using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;
using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// Stored answers as a FHIR searchset, oldest change first, for a regional platform:
/// <c>?questionnaire={code or canonical}&amp;_lastUpdated=ge…&amp;_count=&amp;_page=</c>, with a next link while more remain.
/// Each export is audited.
/// </summary>
public sealed class SearchQuestionnaireResponses(TrustDbContext db, HospitalClock clock, AuditLog audit)
{
    public sealed record Query(string? Questionnaire, string[] LastUpdated, int? Count, int? Page);

    public async Task<F.Bundle> RunAsync(HttpRequest request, Query q, CancellationToken ct)
    {
        var set = new FhirSearchset(request, q.Count, q.Page);
        var responses = db.SurveyResponses.AsNoTracking();
        if (q.Questionnaire is not null)
        {
            var (code, version, valid) = FhirQuestionnaires.ParseCanonical(q.Questionnaire);
            if (!valid) throw new FhirSearchProblem($"questionnaire '{q.Questionnaire}' is not a Questionnaire code or canonical.");
            responses = responses.Where(r => r.Instrument!.Code == code && (version == null || r.Instrument.Version == version));
        }
        var updated = FhirLastUpdated.Parse(q.LastUpdated, clock);
        if (updated.From is { } from) responses = responses.Where(r => r.SubmittedAt >= from);
        if (updated.Until is { } until) responses = responses.Where(r => r.SubmittedAt < until);
        var total = await responses.CountAsync(ct);
        var rows = await responses.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Skip(set.Skip).Take(set.Count)
            .Select(r => new { r.Id, r.ResponseKey, r.InstrumentId, r.Instrument!.Code, r.Instrument.Version, r.EncounterDate, Department = r.Department!.Code, Staff = r.Staff == null ? null : r.Staff.Code, r.Source, r.SubmittedAt, r.Answers, r.Comment })
            .ToListAsync(ct);
        var instrumentIds = rows.Select(r => r.InstrumentId).Distinct().ToList();
        var items = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).SelectMany(i => i.Items)
            .OrderBy(i => i.Position).ToListAsync(ct);

        var resources = new List<F.Resource>();
        foreach (var r in rows)
        {
            var qr = new F.QuestionnaireResponse
            {
                Id = r.Id.ToString(CultureInfo.InvariantCulture),
                Meta = new F.Meta { LastUpdated = new DateTimeOffset(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc)) },
                Identifier = new F.Identifier("urn:trustbridge:response", r.ResponseKey),
                Questionnaire = $"{FhirQuestionnaires.Canonical(request, r.Code)}|{r.Version}",
                Status = F.QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
                Authored = new F.FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc))).Value,
            };
            qr.Extension.Add(new F.Extension(FhirJson.EncounterDateExtension, new F.Date(r.EncounterDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            qr.Extension.Add(new F.Extension(FhirJson.DepartmentExtension, new F.Identifier("urn:trustbridge:department", r.Department)));
            if (r.Staff is not null) qr.Extension.Add(new F.Extension(FhirJson.DoctorExtension, new F.Identifier("urn:trustbridge:staff", r.Staff)));
            qr.Extension.Add(new F.Extension(FhirJson.SourceExtension, new F.Code(r.Source)));
            var numbers = ResponseScoring.Decode(r.Answers);
            foreach (var item in items.Where(i => i.InstrumentId == r.InstrumentId))
            {
                F.DataType? value = item.Scale == ItemScales.Text
                    ? (r.Comment is null ? null : new F.FhirString(r.Comment))
                    : numbers.TryGetValue(item.Code, out var n) ? new F.Integer(n) : null;
                if (value is not null) qr.Item.Add(new F.QuestionnaireResponse.ItemComponent { LinkId = item.Code, Answer = [new() { Value = value }] });
            }
            resources.Add(qr);
        }
        var parameters = new[] { q.Questionnaire is null ? null : $"questionnaire={Uri.EscapeDataString(q.Questionnaire)}" }.OfType<string>()
            .Concat(FhirSearchset.LastUpdatedParameters(q.LastUpdated));
        var bundle = set.Bundle(total, resources, clock.UtcNow, parameters);
        await audit.RecordAsync(FhirAuditActions.Exported, "QuestionnaireResponse", null,
            new { questionnaire = q.Questionnaire, lastUpdated = q.LastUpdated, page = set.Page, count = set.Count, returned = rows.Count, total }, ct);
        return bundle;
    }
}

public sealed class FhirSearchProblem(string message) : Exception(message);

public static class FhirAuditActions
{
    public const string Exported = "fhir.exported";
}
