namespace TrustBridge.Web.Features.Feedback.Symposia;

/// <summary>A symposium as POST/PUT /api/symposia and the edit page give it; checked by <see cref="SaveSymposium"/>.</summary>
public sealed record SymposiumInput(
    DateOnly? HeldOn = null,
    string? Title = null,
    string? Location = null,
    string? DepartmentCode = null,
    string? Minutes = null,
    IReadOnlyList<ParticipantInput>? Participants = null);

/// <summary>
/// One participant. Id names an existing participant on update; a blank mobile then keeps the stored one.
/// StaffCode only for role staff.
/// </summary>
public sealed record ParticipantInput(int? Id = null, string? Name = null, string? Role = null, string? StaffCode = null, string? Mobile = null);

/// <summary>An item raised at the symposium: becomes a feedback case with channel symposium.</summary>
public sealed record SymposiumItemInput(
    string? Content = null,
    string? Type = null,
    string[]? DepartmentCodes = null,
    string? StaffCode = null,
    string? Category = null,
    string? RiskLevel = null,
    DateTime? ReceivedAt = null,
    int? ParticipantId = null);

/// <summary>The report to the participants; empty text uses the composed draft.</summary>
public sealed record SymposiumReportInput(string? Text = null);

public enum SymposiumOutcome { Done, NotFound, Invalid, Conflict }

/// <summary>What a symposium operation did: its value, or not found, or errors by field, or a conflict.</summary>
public sealed record SymposiumResult<T>(SymposiumOutcome Outcome, T? Value = default, Dictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static SymposiumResult<T> Ok(T value) => new(SymposiumOutcome.Done, value);
    public static SymposiumResult<T> NotFound() => new(SymposiumOutcome.NotFound, Message: "No such symposium.");
    public static SymposiumResult<T> Invalid(Dictionary<string, string[]> errors) => new(SymposiumOutcome.Invalid, Errors: errors);
    public static SymposiumResult<T> Invalid(string field, string message) => new(SymposiumOutcome.Invalid, Errors: new() { [field] = [message] });
    public static SymposiumResult<T> Conflict(string message) => new(SymposiumOutcome.Conflict, Message: message);
}
