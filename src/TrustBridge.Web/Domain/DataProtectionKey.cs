namespace TrustBridge.Web.Domain;

/// <summary>Data Protection key ring XML, kept in the database so restarts and several web nodes share keys.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
