namespace TrustBridge.Web.Features.Surveys;

public sealed record WaveInput(string? Name, string? Instrument, DateOnly? PeriodFrom, DateOnly? PeriodTo, string[]? DepartmentCodes,
    double? Margin, double? ResponseRate, int? Seed, DateOnly? ContactDate);

public sealed record StratumView(string DepartmentCode, string DepartmentName, int Eligible, int CompletesNeeded, int Invitations);

/// <summary>What the draw found: the eligible population, why others were excluded, and the sample per department.</summary>
public sealed record DrawSummary(int Encounters, int Eligible, Dictionary<string, int> Exclusions, int EarlierEncountersOfSamePatient,
    IReadOnlyList<StratumView> Strata, int Invitations);

public sealed record WaveView(int Id, string Name, string Instrument, int InstrumentVersion, DateOnly PeriodFrom, DateOnly PeriodTo,
    DateOnly ContactDate, double Margin, double ResponseRate, int Seed, DateTime CreatedAt, string? CreatedBy,
    DrawSummary Draw, Dictionary<string, int> InvitationsByStatus);

public sealed record InvitationView(long Id, string DepartmentCode, string PatientMrn, string PatientName, string? Mobile,
    DateOnly EncounterDate, string Status, DateTime ExpiresAt);
