using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Assessment;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Assessment;

public sealed record IndicatorSettingInput(string? Code, decimal? Weight, double? Target, double? Floor);
public sealed record WeightsInput(DateOnly? EffectiveFrom, string? Note, IndicatorSettingInput[]? Indicators);
/// <summary>A weights version; Id 0 is the shipped default, in force until an administrator saves one.</summary>
public sealed record WeightsVersionView(int Id, DateOnly EffectiveFrom, string? Note, string CreatedBy, DateTime? CreatedAt, IReadOnlyList<IndicatorSetting> Indicators);

/// <summary>The versioned targets and weights of the scorecard (ASSESSMENT.md: a period is scored with the version in force at its end).</summary>
public sealed class AssessmentWeights(TrustDbContext db, AuditLog audit, TimeProvider time)
{
    public static readonly WeightsVersionView Shipped = new(0, DateOnly.MinValue, "shipped defaults", "system", null,
        Indicators.All.Select(d => new IndicatorSetting(d.Code, d.DefaultWeight, d.DefaultTarget, d.DefaultFloor)).ToList());

    public async Task<WeightsVersionView> InForceAsync(DateOnly on, CancellationToken ct = default)
    {
        var v = await db.AssessmentWeightsVersions.AsNoTracking().Include(x => x.Indicators)
            .Where(x => x.EffectiveFrom <= on).OrderByDescending(x => x.EffectiveFrom).ThenByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        return v is null ? Shipped : View(v);
    }

    public async Task<List<WeightsVersionView>> HistoryAsync(CancellationToken ct = default)
    {
        var all = await db.AssessmentWeightsVersions.AsNoTracking().Include(x => x.Indicators)
            .OrderByDescending(x => x.EffectiveFrom).ThenByDescending(x => x.Id).ToListAsync(ct);
        return [.. all.Select(View), Shipped];
    }

    /// <summary>Saves a new version, or returns the problems keyed by the field.</summary>
    public async Task<(WeightsVersionView? Saved, Dictionary<string, string[]> Errors)> SaveAsync(WeightsInput input, string by, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.EffectiveFrom is null) errors["effectiveFrom"] = ["effectiveFrom is required (yyyy-MM-dd)."];
        if (input.Indicators is not { Length: > 0 }) errors["indicators"] = ["indicators are required."];
        if (errors.Count > 0) return (null, errors);
        var settings = new List<IndicatorSetting>();
        for (var i = 0; i < input.Indicators!.Length; i++)
        {
            var x = input.Indicators[i];
            if (string.IsNullOrWhiteSpace(x.Code)) errors[$"indicators[{i}].code"] = ["code is required."];
            if (x.Weight is null) errors[$"indicators[{i}].weight"] = ["weight is required."];
            if (x.Target is null) errors[$"indicators[{i}].target"] = ["target is required."];
            var def = Indicators.Find(x.Code?.Trim() ?? "");
            settings.Add(new IndicatorSetting(x.Code?.Trim() ?? "", x.Weight ?? 0, x.Target ?? 0, x.Floor ?? def?.DefaultFloor ?? 0));
        }
        if (errors.Count > 0) return (null, errors);
        foreach (var (k, v) in Scorecard.Validate(settings)) errors[k] = [v];
        if (errors.Count > 0) return (null, errors);

        var version = new AssessmentWeightsVersion
        {
            EffectiveFrom = input.EffectiveFrom!.Value, Note = input.Note?.Trim(), CreatedBy = by, CreatedAt = time.GetUtcNow().UtcDateTime,
            Indicators = settings.Select(s => new AssessmentIndicatorSetting { IndicatorCode = s.Code, Weight = s.Weight, Target = s.Target, Floor = s.Floor }).ToList(),
        };
        db.AssessmentWeightsVersions.Add(version);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("assessment.weights.save", "assessment_weights", version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { version.EffectiveFrom, indicators = settings }, ct);
        return (View(version), errors);
    }

    private static WeightsVersionView View(AssessmentWeightsVersion v) => new(v.Id, v.EffectiveFrom, v.Note, v.CreatedBy, v.CreatedAt,
        v.Indicators.OrderBy(i => Array.FindIndex(Indicators.All.ToArray(), d => d.Code == i.IndicatorCode))
            .Select(i => new IndicatorSetting(i.IndicatorCode, i.Weight, i.Target, i.Floor)).ToList());
}
