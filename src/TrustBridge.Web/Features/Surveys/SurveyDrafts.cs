using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// Keeps the answers given so far through an invitation link on the server, so a patient interrupted on the phone
/// finds them again when the link is opened later. Answers are the raw form values by item code.
/// </summary>
public sealed class SurveyDrafts(TrustDbContext db, TimeProvider time)
{
    public async Task<(Dictionary<string, string> Answers, int Step)> LoadAsync(long invitationId, Instrument instrument, CancellationToken ct = default)
    {
        var draft = await db.SurveyDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.InvitationId == invitationId, ct);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (draft is null) return (answers, 0);
        foreach (var (code, value) in ResponseScoring.Decode(draft.Answers))
            answers[code] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (draft.Comment is { Length: > 0 } comment && instrument.Items.FirstOrDefault(i => i.Scale == ItemScales.Text) is { } text)
            answers[text.Code] = comment;
        return (answers, draft.Step);
    }

    /// <summary>Saves checked answers (see <see cref="ResponseScoring"/>) and the step to go on with.</summary>
    public async Task SaveAsync(long invitationId, Instrument instrument, IReadOnlyDictionary<string, string> answers, int step, CancellationToken ct = default)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        string? comment = null;
        foreach (var item in instrument.Items.OrderBy(i => i.Position))
        {
            if (!answers.TryGetValue(item.Code, out var value) || string.IsNullOrWhiteSpace(value)) continue;
            if (item.Scale == ItemScales.Text) comment = value.Trim();
            else if (int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)) numbers[item.Code] = n;
        }
        var draft = await db.SurveyDrafts.FirstOrDefaultAsync(d => d.InvitationId == invitationId, ct);
        if (draft is null)
        {
            draft = new SurveyDraft { InvitationId = invitationId, Answers = "" };
            db.SurveyDrafts.Add(draft);
        }
        draft.Answers = ResponseScoring.Encode(numbers);
        draft.Comment = comment;
        draft.Step = step;
        draft.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link saved in another tab at the same moment: that save is as good as this one.
            db.ChangeTracker.Clear();
        }
    }

    public Task DeleteAsync(long invitationId, CancellationToken ct = default) =>
        db.SurveyDrafts.Where(d => d.InvitationId == invitationId).ExecuteDeleteAsync(ct);
}
