using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Surveys;
using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// Stores FHIR QuestionnaireResponses (one, or the entries of a batch/transaction Bundle) exactly like the CSV
/// answers import: each is turned into the CSV's fields and checked by the same <see cref="ResponseValidator"/>,
/// then written by <see cref="ImportSurveyResponses.StoreAsync"/> (idempotent on identifier, daily sums kept).
/// A transaction (or a single resource) is all-or-nothing; a batch stores its valid entries.
/// </summary>
public sealed class ImportQuestionnaireResponses(TrustDbContext db, ImportSurveyResponses store, HospitalClock clock)
{
    private sealed record Item(int? Entry, string? ResourceId, F.QuestionnaireResponse Response, string Code, int? Version);

    private sealed record Visit(string DepartmentCode, string? StaffCode, DateTime StartedAt);

    public async Task<ImportReport> RunAsync(ReadOnlyMemory<byte> json, CancellationToken ct)
    {
        var (resource, issues) = FhirBundle.Parse(json.Span);
        var tally = new ImportTally();
        var items = new List<Item>();
        bool allOrNothing;
        switch (resource)
        {
            case F.QuestionnaireResponse qr:
                allOrNothing = true;
                items.Add(ToItem(null, qr, tally));
                break;
            case F.Bundle { Type: F.Bundle.BundleType.Batch or F.Bundle.BundleType.Transaction } bundle:
                allOrNothing = bundle.Type == F.Bundle.BundleType.Transaction;
                for (var i = 0; i < bundle.Entry.Count; i++)
                {
                    if (bundle.Entry[i]?.Resource is F.QuestionnaireResponse r) items.Add(ToItem(i, r, tally));
                    else if (bundle.Entry[i]?.Resource is { } other) tally.Skip(other.TypeName);
                }
                break;
            case F.Bundle:
                throw ImportFileProblem.Unprocessable("Unsupported bundle type", "Post a batch or transaction Bundle of QuestionnaireResponse entries.");
            default:
                throw ImportFileProblem.Unprocessable("Not a QuestionnaireResponse", "Post a QuestionnaireResponse, or a batch or transaction Bundle of them.");
        }
        // What the SDK's parser found wrong (a wrong type, an unknown element or code) rejects the resource or its entry.
        var parsed = FhirBundle.ByEntry(issues).ToList();
        if (resource is F.QuestionnaireResponse && parsed.Count > 0)
            throw ImportFileProblem.Unprocessable("Invalid QuestionnaireResponse", string.Join(" ", parsed.Select(p => FhirBundle.Message(p.Issue))));
        foreach (var group in parsed.Where(p => p.Entry >= 0).GroupBy(p => p.Entry))
            if (items.FirstOrDefault(i => i.Entry == group.Key) is { } bad)
            {
                tally.Reject("responses", group.Select(p => new RowOrigin(null, bad.Entry, bad.ResourceId).Error(null, null, FhirBundle.Message(p.Issue))));
                items.Remove(bad);
            }
        items = items.Where(i => i.Code.Length > 0).ToList();

        var instruments = new Dictionary<(string, int?), Instrument>();
        foreach (var key in items.Select(i => (i.Code, i.Version)).Distinct())
            instruments[key] = await store.PublishedAsync(key.Code, key.Version, ct);
        var hisIds = items.Select(i => HisId(i.Response.Encounter)).OfType<string>().Distinct().ToList();
        var visits = hisIds.Count == 0 ? [] : await db.Encounters.AsNoTracking().Where(e => hisIds.Contains(e.HisId))
            .Select(e => new { e.HisId, Department = e.Department!.Code, Staff = e.AttendingStaff == null ? null : e.AttendingStaff.Code, e.StartedAt })
            .ToDictionaryAsync(e => e.HisId, e => new Visit(e.Department, e.Staff, e.StartedAt), ct);

        tally.RowsRead = items.Count;
        var distinct = instruments.Values.DistinctBy(i => i.Id).ToList();
        return await store.StoreAsync(distinct, tally, new ImportOptions(allOrNothing, "fhir:QuestionnaireResponse"), (validators, _) =>
            distinct.Select(instrument => (instrument.Id, Rows(items.Where(i => instruments[(i.Code, i.Version)].Id == instrument.Id), validators[instrument.Id], visits, tally))).ToList(), ct);
    }

    private Item ToItem(int? entry, F.QuestionnaireResponse qr, ImportTally tally)
    {
        var resourceId = string.IsNullOrWhiteSpace(qr.Id) ? "QuestionnaireResponse" : $"QuestionnaireResponse/{qr.Id}";
        var (code, version, valid) = FhirQuestionnaires.ParseCanonical(qr.Questionnaire);
        if (!valid)
        {
            tally.Reject("responses", new RowOrigin(null, entry, resourceId).Error("questionnaire", qr.Questionnaire,
                "questionnaire must name a TrustBridge Questionnaire: …/fhir/Questionnaire/{instrument-code}[|version]."));
            return new Item(entry, resourceId, qr, "", null);
        }
        return new Item(entry, resourceId, qr, code!, version);
    }

    private IEnumerable<ResponseRow> Rows(IEnumerable<Item> items, ResponseValidator validator, Dictionary<string, Visit> visits, ImportTally tally)
    {
        foreach (var item in items)
        {
            var qr = item.Response;
            var origin = new RowOrigin(null, item.Entry, item.ResourceId);
            var problems = new List<ImportRowError>();
            if (qr.Status is not (F.QuestionnaireResponse.QuestionnaireResponseStatus.Completed or F.QuestionnaireResponse.QuestionnaireResponseStatus.Amended))
                problems.Add(origin.Error("status", qr.StatusElement?.JsonValue as string, "Only a completed (or amended) QuestionnaireResponse is stored."));
            Visit? visit = null;
            if (HisId(qr.Encounter) is { } hisId && !visits.TryGetValue(hisId, out visit))
                problems.Add(origin.Error("encounter", hisId, "No encounter with this HIS id (identifier) is known."));
            var answers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (linkId, value) in Answers(qr.Item))
                if (!answers.TryAdd(linkId, value)) problems.Add(origin.Error(linkId, value, $"linkId {linkId} is answered twice."));
            var encounterDate = Text(qr, FhirJson.EncounterDateExtension)
                ?? (visit is not null ? clock.LocalDate(visit.StartedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null)
                ?? (qr.AuthoredElement?.ToDateTimeOffset(TimeSpan.Zero) is { } authored ? clock.LocalDate(authored.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
            var fields = new ResponseFields(
                string.IsNullOrWhiteSpace(qr.Identifier?.Value) ? null : qr.Identifier.Value.Trim(),
                encounterDate,
                Text(qr, FhirJson.DepartmentExtension) ?? visit?.DepartmentCode,
                Text(qr, FhirJson.DoctorExtension) ?? visit?.StaffCode,
                Text(qr, FhirJson.SourceExtension),
                answers);
            var row = validator.Check(fields, origin, problems);
            if (problems.Count > 0 || row is null)
            {
                tally.Reject("responses", problems);
                continue;
            }
            yield return row;
        }
    }

    /// <summary>Every answered item, groups flattened: integer, coding code, string, decimal, boolean (1/0).</summary>
    private static IEnumerable<(string LinkId, string? Value)> Answers(IEnumerable<F.QuestionnaireResponse.ItemComponent> items)
    {
        foreach (var item in items)
        {
            if (item.Answer.Count > 0 && !string.IsNullOrWhiteSpace(item.LinkId))
                yield return (item.LinkId.Trim(), item.Answer[0].Value switch
                {
                    F.Integer n => n.Value?.ToString(CultureInfo.InvariantCulture),
                    F.Coding c => c.Code,
                    F.FhirString s => s.Value,
                    F.FhirDecimal d => d.Value?.ToString(CultureInfo.InvariantCulture),
                    F.FhirBoolean b => b.Value is { } v ? (v ? "1" : "0") : null,
                    F.PrimitiveType p => p.ToString(),
                    _ => null,
                });
            foreach (var nested in Answers(item.Item.Concat(item.Answer.SelectMany(a => a.Item)))) yield return nested;
        }
    }

    /// <summary>The HIS id of the encounter a reference names: its identifier, "Encounter?identifier=[system|]value" or "Encounter/{his id}".</summary>
    private static string? HisId(F.ResourceReference? r)
    {
        if (r is null) return null;
        if (!string.IsNullOrWhiteSpace(r.Identifier?.Value)) return r.Identifier.Value.Trim();
        if (string.IsNullOrWhiteSpace(r.Reference)) return null;
        const string conditional = "Encounter?identifier=";
        var text = r.Reference.Trim();
        if (text.StartsWith(conditional, StringComparison.Ordinal)) return text[conditional.Length..].Split('|')[^1];
        return text.Split('/')[^1];
    }

    private static string? Text(F.QuestionnaireResponse qr, string url) => qr.Extension.FirstOrDefault(x => x.Url == url)?.Value switch
    {
        F.Identifier i => i.Value,
        F.Coding c => c.Code,
        F.Date d => d.Value,
        F.PrimitiveType p => p.ToString(),
        _ => null,
    } is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
