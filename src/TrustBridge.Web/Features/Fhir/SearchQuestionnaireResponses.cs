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
    public const int DefaultCount = 100, MaxCount = 1000;

    public sealed record Query(string? Questionnaire, string[] LastUpdated, int? Count, int? Page);

    public async Task<F.Bundle> RunAsync(HttpRequest request, Query q, CancellationToken ct)
    {
        var count = Math.Clamp(q.Count ?? DefaultCount, 1, MaxCount);
        var page = Math.Max(1, q.Page ?? 1);
        var responses = db.SurveyResponses.AsNoTracking();
        if (q.Questionnaire is not null)
        {
            var (code, version, valid) = FhirQuestionnaires.ParseCanonical(q.Questionnaire);
            if (!valid) throw new FhirSearchProblem($"questionnaire '{q.Questionnaire}' is not a Questionnaire code or canonical.");
            responses = responses.Where(r => r.Instrument!.Code == code && (version == null || r.Instrument.Version == version));
        }
        foreach (var value in q.LastUpdated)
        {
            var (prefix, text) = value.Length > 2 && char.IsLetter(value[0]) ? (value[..2], value[2..]) : ("eq", value);
            if (!TryInstant(text, out var at, out var dayEnd)) throw new FhirSearchProblem($"_lastUpdated '{value}' is not a FHIR date or instant.");
            responses = prefix switch
            {
                "ge" => responses.Where(r => r.SubmittedAt >= at),
                "gt" => responses.Where(r => r.SubmittedAt >= dayEnd),
                "le" => responses.Where(r => r.SubmittedAt < dayEnd),
                "lt" => responses.Where(r => r.SubmittedAt < at),
                "eq" => responses.Where(r => r.SubmittedAt >= at && r.SubmittedAt < dayEnd),
                _ => throw new FhirSearchProblem($"_lastUpdated prefix '{prefix}' is not supported (ge, gt, le, lt, eq)."),
            };
        }
        var total = await responses.CountAsync(ct);
        var rows = await responses.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Skip((page - 1) * count).Take(count)
            .Select(r => new { r.Id, r.ResponseKey, r.InstrumentId, r.Instrument!.Code, r.Instrument.Version, r.EncounterDate, Department = r.Department!.Code, Staff = r.Staff == null ? null : r.Staff.Code, r.Source, r.SubmittedAt, r.Answers, r.Comment })
            .ToListAsync(ct);
        var instrumentIds = rows.Select(r => r.InstrumentId).Distinct().ToList();
        var items = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).SelectMany(i => i.Items)
            .OrderBy(i => i.Position).ToListAsync(ct);

        var self = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var bundle = new F.Bundle { Type = F.Bundle.BundleType.Searchset, Total = total, Id = Guid.NewGuid().ToString("n") };
        bundle.Meta = new F.Meta { LastUpdated = new DateTimeOffset(clock.UtcNow) };
        string Link(int p) => $"{self}?{string.Join("&", new[] { q.Questionnaire is null ? null : $"questionnaire={Uri.EscapeDataString(q.Questionnaire)}" }
            .Concat(q.LastUpdated.Select(v => $"_lastUpdated={Uri.EscapeDataString(v)}")).Append($"_count={count}").Append($"_page={p}").OfType<string>())}";
        bundle.Link.Add(new F.Bundle.LinkComponent { Relation = "self", Url = Link(page) });
        if (page * count < total) bundle.Link.Add(new F.Bundle.LinkComponent { Relation = "next", Url = Link(page + 1) });
        if (page > 1) bundle.Link.Add(new F.Bundle.LinkComponent { Relation = "previous", Url = Link(page - 1) });
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
            bundle.Entry.Add(new F.Bundle.EntryComponent
            {
                FullUrl = $"{self}/{qr.Id}",
                Resource = qr,
                Search = new F.Bundle.SearchComponent { Mode = F.Bundle.SearchEntryMode.Match },
            });
        }
        await audit.RecordAsync(FhirAuditActions.Exported, "QuestionnaireResponse", null,
            new { questionnaire = q.Questionnaire, lastUpdated = q.LastUpdated, page, count, returned = rows.Count, total }, ct);
        return bundle;
    }

    /// <summary>A FHIR date (yyyy, yyyy-MM, yyyy-MM-dd: hospital-local) or instant; dayEnd is the end of the value's precision.</summary>
    private bool TryInstant(string text, out DateTime at, out DateTime end)
    {
        at = end = default;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            (at, end) = (clock.StartOfDayUtc(day), clock.StartOfDayUtc(day.AddDays(1)));
            return true;
        }
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            (at, end) = (clock.StartOfDayUtc(month), clock.StartOfDayUtc(month.AddMonths(1)));
            return true;
        }
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            at = instant.UtcDateTime;
            end = at.AddTicks(10); // a microsecond: the stored precision
            return true;
        }
        return false;
    }
}

public sealed class FhirSearchProblem(string message) : Exception(message);

public static class FhirAuditActions
{
    public const string Exported = "fhir.exported";
}
