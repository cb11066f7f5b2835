using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// An instrument version as a FHIR Questionnaire: id = instrument code, url = {base}/fhir/Questionnaire/{code},
/// version = the instrument version, one item per instrument item (linkId = item code) with its answer options.
/// Only published (active) and retired versions exist in FHIR; drafts are not found.
/// </summary>
public sealed class FhirQuestionnaires(TrustDbContext db)
{
    public static string Canonical(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}{request.PathBase}/fhir/Questionnaire/{code}";

    /// <summary>The instrument code and version a QuestionnaireResponse.questionnaire canonical names ("…/Questionnaire/{code}[|version]").</summary>
    public static (string? Code, int? Version, bool Valid) ParseCanonical(string? canonical)
    {
        if (string.IsNullOrWhiteSpace(canonical)) return (null, null, false);
        var (url, version) = canonical.Split('|', 2) is [var u, var v] ? (u, v) : (canonical, null);
        var code = url.TrimEnd('/').Split('/')[^1];
        if (code.Length == 0) return (null, null, false);
        if (version is null) return (code, null, true);
        return int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (code, n, true) : (code, null, false);
    }

    public async Task<F.Questionnaire?> ReadAsync(HttpRequest request, string code, int? version, CancellationToken ct)
    {
        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Items)
            .Where(i => i.Code == code && (i.Status == InstrumentStatuses.Published || i.Status == InstrumentStatuses.Retired) && (version == null || i.Version == version))
            .OrderByDescending(i => i.Status == InstrumentStatuses.Published).ThenByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        return instrument is null ? null : ToFhir(instrument, Canonical(request, code));
    }

    public static F.Questionnaire ToFhir(Instrument i, string canonical) => new()
    {
        Id = i.Code,
        Url = canonical,
        Version = i.Version.ToString(CultureInfo.InvariantCulture),
        Name = i.Code.Replace("-", "_"),
        Title = i.TitleZh,
        Status = i.Status == InstrumentStatuses.Published ? F.PublicationStatus.Active : F.PublicationStatus.Retired,
        Date = i.PublishedAt is { } p ? new F.FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc))).Value : null,
        Description = i.IntroZh is null ? null : new F.Markdown(i.IntroZh),
        Language = "zh-CN",
        SubjectType = [F.ResourceType.Patient],
        Item = i.Items.OrderBy(x => x.Position).Select(Item).ToList(),
    };

    private static F.Questionnaire.ItemComponent Item(InstrumentItem item)
    {
        var q = new F.Questionnaire.ItemComponent
        {
            LinkId = item.Code,
            Prefix = item.Position.ToString(CultureInfo.InvariantCulture),
            Text = item.TextZh,
            Required = false,
        };
        q.TextElement!.Extension.Add(new F.Extension
        {
            Url = "http://hl7.org/fhir/StructureDefinition/translation",
            Extension = [new("lang", new F.Code("en")), new("content", new F.FhirString(item.TextEn))],
        });
        if (item.Scale == ItemScales.Text)
        {
            q.Type = F.Questionnaire.QuestionnaireItemType.Text;
            q.MaxLength = 4000;
            return q;
        }
        // Numeric scales: an integer item whose options are the scale's values (likert5 1–5, nps11/rating11 0–10, yesno 0/1).
        q.Type = F.Questionnaire.QuestionnaireItemType.Integer;
        var (min, max) = ItemScales.Range(item.Scale)!.Value;
        q.AnswerOption = Enumerable.Range(min, max - min + 1).Select(n => new F.Questionnaire.AnswerOptionComponent { Value = new F.Integer(n) }).ToList();
        q.Code = [new F.Coding("https://trustbridge.example/fhir/CodeSystem/dimension", item.Dimension)];
        if (item.Reverse) q.Code.Add(new F.Coding("https://trustbridge.example/fhir/CodeSystem/scoring", "reverse"));
        return q;
    }
}
