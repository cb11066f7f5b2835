using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// The questionnaire builder's operations. A published version never changes: saving over it creates the next version
/// as a draft, and answers keep the version they answered.
/// </summary>
public sealed class EditInstrument(TrustDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<(InstrumentView? Saved, Dictionary<string, string[]> Errors)> SaveDraftAsync(InstrumentInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return (null, errors);
        var code = input.Code!.Trim();
        var latest = await db.Instruments.Include(i => i.Items).Where(i => i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        Instrument draft;
        if (latest is { Status: InstrumentStatuses.Draft })
        {
            draft = latest;
            db.InstrumentItems.RemoveRange(draft.Items);
            draft.Items = [];
        }
        else
        {
            draft = db.Instruments.Add(new Instrument { Code = code, Version = (latest?.Version ?? 0) + 1, TitleZh = "", TitleEn = "", CreatedAt = now }).Entity;
        }
        draft.TitleZh = input.TitleZh!.Trim();
        draft.TitleEn = input.TitleEn!.Trim();
        draft.IntroZh = input.IntroZh;
        draft.IntroEn = input.IntroEn;
        draft.Items = input.Items!.Select((x, i) => new InstrumentItem
        {
            Code = x.Code!.Trim(), Position = i + 1, TextZh = x.TextZh!.Trim(), TextEn = x.TextEn?.Trim() ?? "", Scale = x.Scale!,
            Reverse = x.Reverse ?? false, Dimension = x.Dimension?.Trim() is { Length: > 0 } d ? d : "main",
        }).ToList();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "instrument", $"{code} v{draft.Version}", new { items = draft.Items.Count, status = draft.Status }, ct);
        return (View(draft), errors);
    }

    /// <summary>Publishes the newest draft; false when there is none.</summary>
    public async Task<InstrumentView?> PublishAsync(string code, CancellationToken ct = default)
    {
        var draft = await db.Instruments.Include(i => i.Items).Where(i => i.Code == code && i.Status == InstrumentStatuses.Draft)
            .OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (draft is null) return null;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Instruments.Where(i => i.Code == code && i.Status == InstrumentStatuses.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InstrumentStatuses.Retired), ct);
        draft.Status = InstrumentStatuses.Published;
        draft.PublishedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Updated, "instrument", $"{code} v{draft.Version}", new { status = "published" }, ct);
        return View(draft);
    }

    public static InstrumentView View(Instrument i) => new(i.Id, i.Code, i.Version, i.TitleZh, i.TitleEn, i.IntroZh, i.IntroEn, i.Status, i.CreatedAt, i.PublishedAt,
        i.Items.OrderBy(x => x.Position).Select(x => new ItemView(x.Code, x.Position, x.TextZh, x.TextEn, x.Scale, x.Reverse, x.Dimension)).ToList());

    private static Dictionary<string, string[]> Validate(InstrumentInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 64 || input.Code.Any(char.IsWhiteSpace))
            errors["code"] = ["code is required: up to 64 characters without spaces (e.g. trust-10)."];
        if (string.IsNullOrWhiteSpace(input.TitleZh)) errors["titleZh"] = ["titleZh is required."];
        if (string.IsNullOrWhiteSpace(input.TitleEn)) errors["titleEn"] = ["titleEn is required."];
        if (input.Items is null || input.Items.Length == 0) { errors["items"] = ["At least one item is required."]; return errors; }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < input.Items.Length; i++)
        {
            var item = input.Items[i];
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Trim().Length > 32) problems.Add("code is required (up to 32 characters)");
            else if (!seen.Add(item.Code.Trim())) problems.Add($"code {item.Code} appears twice");
            if (string.IsNullOrWhiteSpace(item.TextZh) || item.TextZh.Length > 500) problems.Add("textZh is required (up to 500 characters)");
            if (item.Scale is null || !ItemScales.All.Contains(item.Scale)) problems.Add($"scale must be one of {string.Join(", ", ItemScales.All)}");
            else if (item.Reverse == true && item.Scale != ItemScales.Likert5) problems.Add("only likert5 items can be reverse scored");
            if (problems.Count > 0) errors[$"items[{i}]"] = [.. problems];
        }
        return errors;
    }
}
