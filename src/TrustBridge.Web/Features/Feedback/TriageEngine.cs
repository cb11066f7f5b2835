using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// The triage model the application uses: the shipped one, retrained with the staff's overrides on request, so what
/// people corrected is learnt (the corrections themselves are kept in triage_overrides).
/// </summary>
public sealed class TriageEngine
{
    private volatile TriageModel _model = TriageModel.Default;

    public int ExtraExamples { get; private set; }

    public TriageResult Classify(string text) => _model.Classify(text);

    public async Task<int> RetrainAsync(TrustDbContext db, CancellationToken ct = default)
    {
        var examples = await db.TriageOverrides.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new LabelledText(o.Text, o.Type, o.Category, o.RiskLevel)).ToListAsync(ct);
        _model = examples.Count == 0 ? TriageModel.Default : TriageModel.Build(examples);
        ExtraExamples = examples.Count;
        return examples.Count;
    }
}
