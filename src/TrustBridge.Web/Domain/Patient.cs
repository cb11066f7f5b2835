namespace TrustBridge.Web.Domain;

public static class Genders
{
    public const string Male = "male";
    public const string Female = "female";
    public const string Unknown = "unknown";
}

/// <summary>
/// A patient known from the HIS. Mobile and identity number are kept encrypted (Data Protection);
/// only their masked forms are stored in the clear, for lists and search results.
/// </summary>
public class Patient
{
    public int Id { get; set; }
    /// <summary>Medical record number (病案号/ID号) from the HIS.</summary>
    public required string Mrn { get; set; }
    public required string Name { get; set; }
    public string Gender { get; set; } = Genders.Unknown;
    public DateOnly? BirthDate { get; set; }
    public string? MobileEncrypted { get; set; }
    public string? MobileMasked { get; set; }
    public string? IdNumberEncrypted { get; set; }
    public string? IdNumberMasked { get; set; }
    public DateOnly? DeceasedOn { get; set; }
    public bool SurveyOptOut { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
