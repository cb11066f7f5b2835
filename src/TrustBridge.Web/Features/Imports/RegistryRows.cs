namespace TrustBridge.Web.Features.Imports;

/// <summary>Where a row came from: a CSV line, or a FHIR bundle entry and its resource id.</summary>
public readonly record struct RowOrigin(int? Line, int? Entry = null, string? ResourceId = null)
{
    public ImportRowError Error(string? column, string? value, string message) => new(Line, column, value, message, Entry, ResourceId);
}

/// <summary>A department as an import file describes it (科室).</summary>
public sealed record DepartmentRow(RowOrigin Origin, string Code, string Name, string Kind, string? ParentCode, bool Active);

/// <summary>A member of staff as an import file describes them.</summary>
public sealed record StaffRow(RowOrigin Origin, string Code, string Name, string? Title, string? DepartmentCode,
    string? LicenceNumber, string? Specialties, string? Bio, bool Active);

/// <summary>
/// A patient as an import file describes them; mobile and identity number are normalised, not yet encrypted.
/// A null SurveyOptOut (FHIR has no such element) keeps what TrustBridge has stored.
/// </summary>
public sealed record PatientRow(RowOrigin Origin, string Mrn, string Name, string Gender, DateOnly? BirthDate,
    string? Mobile, string? IdNumber, DateOnly? DeceasedOn, bool? SurveyOptOut);

/// <summary>An encounter as an import file describes it; times already in UTC.</summary>
public sealed record EncounterRow(RowOrigin Origin, string HisId, string Mrn, string Type, string DepartmentCode,
    string? AttendingStaffCode, DateTime StartedAt, DateTime? EndedAt, string? DischargeDisposition);
