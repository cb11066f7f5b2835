namespace TrustBridge.Web.Features.Patients;

/// <summary>A patient as lists show it: identifiers masked.</summary>
public sealed record PatientView(int Id, string Mrn, string Name, string Gender, DateOnly? BirthDate, int? Age,
    string? Mobile, string? IdNumber, DateOnly? DeceasedOn, bool SurveyOptOut);

public sealed record RevealedIdentifiers(int PatientId, string Mrn, string? Mobile, string? IdNumber);
