namespace TrustBridge.Web.Domain;

/// <summary>
/// The answers a patient has given so far through an invitation link, saved at every step so that the link can be
/// closed and opened again later. Deleted when the answers are submitted.
/// </summary>
public class SurveyDraft
{
    public long InvitationId { get; set; }
    /// <summary>"CODE=value" pairs as in <see cref="SurveyResponse.Answers"/>; the free text is kept in <see cref="Comment"/>.</summary>
    public required string Answers { get; set; }
    public string? Comment { get; set; }
    /// <summary>The step (0-based) the patient goes on with: the first one not yet answered.</summary>
    public int Step { get; set; }
    public DateTime UpdatedAt { get; set; }
}
