using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>POST /api/feedback/{id}/escalate registers the dispute from the case: its content is the claim, its patient, encounter,
/// departments and named staff carry over, the day received is the day the dispute arose. The case links to the dispute and back.</summary>
public sealed class EscalateToDispute(RegisterDispute register) : ICaseEscalation
{
    private Dispute? _dispute;

    public async Task<CaseActionResult?> PrepareAsync(FeedbackCase c, CaseAction action, Submitter who, CancellationToken ct)
    {
        var claim = string.IsNullOrWhiteSpace(action.Text) ? c.Content : $"{c.Content}\n\n{action.Text.Trim()}";
        var (d, error) = await register.BuildAsync(new DisputeInput(Claim: claim, PatientName: c.ComplainantName, ReportedBy: who.Name), who.Name ?? "staff", c, ct);
        if (d is null) return CaseActionResult.Invalid(error!.Field ?? "text", error.Message ?? "The dispute cannot be registered.");
        _dispute = d;
        return null;
    }

    public async Task<string?> SavedAsync(CancellationToken ct)
    {
        if (_dispute is not { } d) return null;
        _dispute = null;
        await register.AuditCreatedAsync(d, ct);
        return $"已转为医疗纠纷 {d.Reference}";
    }
}
